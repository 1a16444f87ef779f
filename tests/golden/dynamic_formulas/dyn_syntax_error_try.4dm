// a syntax error in a computed text is a runtime error (code 45) that Try catches
var $ok : Boolean
$bad:="vDynX:=(1+"
Try
	EXECUTE FORMULA($bad)
	ALERT("not reached")
Catch
	$e:=Last errors[0]
	ALERT(String($e.errCode))
End try
$r:=Try(Formula from string("1 +* 2"))
ALERT(String(Last errors[0].errCode))
ALERT(String($r=Null))
// ON ERR CALL catches it too, and the method goes on
ON ERR CALL("dyn_on_err")
EXECUTE FORMULA("If (")
ON ERR CALL("")
ALERT("after")
