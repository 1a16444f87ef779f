// helper: prints "side effect" and returns True
#DECLARE() -> $r : Boolean
ALERT("side effect")
$r:=True
