// helper: prints and returns True
#DECLARE() -> $r : Boolean
ALERT("flag called")
$r:=True
