// helper: prints a greeting (no parameters)
ALERT("hello from "+Current method name)
