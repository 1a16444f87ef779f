// helper: shows what an undefined argument becomes in typed parameters
#DECLARE($t : Text; $n : Real)
ALERT("t=["+$t+"] n="+String($n))
