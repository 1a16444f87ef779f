// time cmd typical (docs/commands-legacy or docs/commands: time.md: text and seconds)
ALERT(String(Time("12:30:15")))
ALERT(String(Time(3600*2+5)))
ALERT(String(Time("5:02")))
