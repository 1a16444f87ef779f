// a throw in a class function is caught by the caller's Try
$a:=cs.Account.new()
$a.deposit(50)
Try
	$a.withdraw(80)
	ALERT("not reached")
Catch
	ALERT(String(Last errors[0].errCode)+": "+Last errors[0].message)
End try
ALERT(String($a.balance))
