// helper: prints its parameter with the current process name
#DECLARE($msg : Text)
ALERT(Current process name+": "+$msg)
