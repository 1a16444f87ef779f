// helper: reports the error, its method and line
ALERT(String(Error)+" in "+Error method+" line "+String(Error line))
