// add to date typical (docs/commands-legacy or docs/commands: add-to-date.md: years, months, days)
ALERT(String(Add to date(!2023-01-31!;0;1;0);ISO date))
ALERT(String(Add to date(!2023-11-27!;1;0;5);ISO date))
ALERT(String(Add to date(!2024-03-01!;0;0;-1);ISO date))
