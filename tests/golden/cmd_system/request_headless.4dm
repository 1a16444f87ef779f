// request headless (docs/commands-legacy or docs/commands: request.md: headless, returns the default response and OK=1)
OK:=0
$r:=Request("Name?";"Bob")
ALERT($r+" "+String(OK))
$r:=Request("Name?")
ALERT("["+$r+"]")
