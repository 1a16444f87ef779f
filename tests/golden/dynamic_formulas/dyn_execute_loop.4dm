// EXECUTE FORMULA in a loop: the same computed text many times, then a different text each time
var vDynCount : Integer
$line:="vDynCount:=vDynCount+1"
For ($i; 1; 5000)
	EXECUTE FORMULA($line)
End for
ALERT(String(vDynCount))
var vDynSum : Integer
For ($i; 1; 100)
	EXECUTE FORMULA("vDynSum:=vDynSum+"+String($i))
End for
ALERT(String(vDynSum))
