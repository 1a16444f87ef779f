// Not a test class (its name does not end with Test).
Function test_never()
	ALERT("Helper.test_never must not run")
