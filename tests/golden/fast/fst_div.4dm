#DECLARE($a : Integer; $b : Integer) -> $r : Integer
$r:=fst_div_inner($a; $b)
