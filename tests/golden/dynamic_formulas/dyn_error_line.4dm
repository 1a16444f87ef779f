// an error in a computed text is located at the EXECUTE FORMULA statement: Error line and Error method in an ON ERR CALL handler
ON ERR CALL("dyn_on_err_line")
$t:="vDynL:=1"+Char(13)+"throw(78; \"second line\")"
EXECUTE FORMULA($t)
ALERT("vDynL="+String(vDynL))
// in a loop: each run reports the same line
For ($i; 1; 2)
	EXECUTE FORMULA("throw(79; \"in loop \"+String($i))")
End for
ON ERR CALL("")
