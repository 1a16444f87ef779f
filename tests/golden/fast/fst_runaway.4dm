#DECLARE($n : Integer) -> $r : Integer
$r:=fst_runaway($n+1)+1
