// time string typical (docs/commands-legacy or docs/commands: time-string.md: hours past 24)
ALERT(Time string(86401))
ALERT(Time string(?01:02:03?))
