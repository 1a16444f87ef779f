// loops forever: stopped by --max-time
While (True)
	IDLE
End while
