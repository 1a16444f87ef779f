// helper: a worker message; process variables persist between messages
#DECLARE($what : Text)
var wkCount : Integer
If ($what="end")
	KILL WORKER
Else
	wkCount:=wkCount+1
	ALERT(Current process name+" job "+$what+" #"+String(wkCount))
End if
