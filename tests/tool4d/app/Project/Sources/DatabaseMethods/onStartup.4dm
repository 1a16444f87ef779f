// the tool4d sequence: On Startup first (unless --skip-onstartup)
Use (Storage)
	Storage.started:=True
End use
LOG EVENT(Into system standard outputs; "On Startup\n")
