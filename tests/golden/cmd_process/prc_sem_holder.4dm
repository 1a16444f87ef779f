// helper: holds semaphore "res" for a while
If (Not(Semaphore("res")))
	ALERT("holder got res")
	DELAY PROCESS(Current process; 30)
	ALERT("holder releases res")
	CLEAR SEMAPHORE("res")
End if
