// beep trace nop (docs/commands-legacy or docs/commands: beep.md / trace.md: nothing happens headless)
BEEP
TRACE
ALERT("done")
