// With an ON ERR CALL handler installed, a loop that fails resumes after the failing statement (the loop runs tree-walked); after ON ERR CALL("") the error stops the run
var $i; $n; $z : Integer
ON ERR CALL("fst_on_error")
For ($i; 1; 3)
	$n:=$n+(10%$z)
	$n:=$n+1
End for
ALERT(String($n)+" "+String($i))
ON ERR CALL("")
Try
	For ($i; 1; 3)
		$n:=$n+1
		$n:=$n+(10%$z)
	End for
Catch
	ALERT("caught with n="+String($n)+" i="+String($i))
End try
