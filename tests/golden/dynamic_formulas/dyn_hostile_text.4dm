// hostile texts: huge, deeply nested, binary garbage; each is a catchable error or runs
var vDynBig : Integer
// a long but valid text: 1+1+...+1 (20000 terms)
$t:="vDynBig:=1"
For ($i; 1; 19999)
	$t:=$t+"+1"
End for
EXECUTE FORMULA($t)
ALERT(String(vDynBig))
// deeply nested parentheses
$deep:=""
For ($i; 1; 5000)
	$deep:=$deep+"("
End for
$deep:="vDynBig:="+$deep+"1"
Try
	EXECUTE FORMULA($deep)
Catch
	ALERT("deep: "+String(Last errors[0].errCode))
End try
// a text over the size limit (1 MB): an error, the variable is unchanged
$huge:="vDynBig:=2"
$chunk:="          "
While (Length($huge)<(2*1024*1024))
	$huge:=$huge+$chunk+$chunk+$chunk+$chunk+$chunk+$chunk+$chunk+$chunk
	$chunk:=$chunk+$chunk
End while
Try
	EXECUTE FORMULA($huge)
Catch
	ALERT("huge: "+String(Last errors[0].errCode)+" "+String(vDynBig))
End try
// control characters and quotes
Try
	EXECUTE FORMULA(Char(0)+Char(1)+"\"unterminated")
Catch
	ALERT("garbage: "+String(Last errors[0].errCode))
End try
// an unknown command name
Try
	EXECUTE FORMULA("NO SUCH COMMAND XYZ(1)")
Catch
	ALERT("unknown: "+String(Last errors[0].errCode>0))
End try
ALERT("still running")
