// time cmd edge (docs/commands-legacy or docs/commands: time.md: beyond 24 hours, number of seconds, ISO date-time text)
ALERT(String(Time(90000)))
ALERT(String(Time("2023-01-01T08:15:00")+0))
ALERT(String(Time("")))
