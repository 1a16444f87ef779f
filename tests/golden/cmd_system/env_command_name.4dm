// docs/commands/command-name.md: the name of a command from its number; "" when there is none
ALERT(Command name(1))
ALERT(Command name(1118))
ALERT("["+Command name(99999)+"]")
