// helper: modifies its own copies of scalar parameters
#DECLARE($t : Text; $n : Real; $d : Date)
$t:=$t+" changed"
$n:=$n*100
$d:=$d+1
ALERT("inside: "+$t+" "+String($n)+" "+String($d))
