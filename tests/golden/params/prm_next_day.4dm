// helper: Date and Time parameters and a Date result
#DECLARE($d : Date; $t : Time) -> $r : Date
ALERT("time="+String($t))
$r:=$d+1
