// helper: an error handler that itself fails
ALERT("handler starts")
$x:=1+"a"
ALERT("handler not finished")
