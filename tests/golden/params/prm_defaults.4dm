// helper: prints its typed parameters
#DECLARE($t : Text; $n : Integer; $b : Boolean; $d : Date)
ALERT("t=["+$t+"] n="+String($n)+" b="+String($b)+" d="+String($d))
