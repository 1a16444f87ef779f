// day number typical (docs/commands-legacy or docs/commands: day-number.md: 1 = Sunday .. 7 = Saturday)
ALERT(String(Day number(!2023-11-27!)))
ALERT(String(Day number(!2023-11-26!)))
ALERT(String(Day number(!2023-12-02!)=Saturday))
