// helper: returns 3
#DECLARE() -> $n : Integer
$n:=3
