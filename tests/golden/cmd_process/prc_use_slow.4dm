// helper: holds the lock of a shared object across a delay (nested Use allowed)
#DECLARE($s : Object)
Use ($s)
	ALERT(Current process name+" in")
	Use ($s)
		$s.last:=Current process name
	End use
	DELAY PROCESS(Current process; 3)
	ALERT(Current process name+" out")
End use
