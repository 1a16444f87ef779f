// helper: #DECLARE with three parameters, returns Count parameters
#DECLARE($a : Text; $b : Real; $c : Boolean) -> $n : Integer
$n:=Count parameters
