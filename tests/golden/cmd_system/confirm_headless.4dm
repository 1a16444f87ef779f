// confirm headless (docs/commands-legacy or docs/commands: confirm.md: headless, the dialog is accepted (OK=1))
OK:=0
CONFIRM("Delete?")
ALERT(String(OK))
OK:=0
CONFIRM("Delete?";"Yes";"No")
ALERT(String(OK))
