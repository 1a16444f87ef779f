// helper: error handler that prints the error
ALERT("handler: "+String(Error)+" in "+Error method+" line "+String(Error line))
