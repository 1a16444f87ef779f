// helper: adds its parameters to the process variable vDynTotal, returns the new total
#DECLARE($a : Integer; $b : Integer)->$r : Integer
vDynTotal:=vDynTotal+$a+$b
$r:=vDynTotal
