// [choice] a computed text may name process and interprocess variables the program never mentions: they are created (Undefined until assigned) for the rest of the run
EXECUTE FORMULA("vDyn"+"Fresh:=12")
EXECUTE FORMULA("ALERT(String(vDyn"+"Fresh+1))")
EXECUTE FORMULA("<>gDyn"+"Fresh:=\"inter\"")
EXECUTE FORMULA("ALERT(<>gDyn"+"Fresh)")
// formulas created inside a computed text, and texts run inside formulas from text
EXECUTE FORMULA("$f:=Formula($1*2)"+"")
ALERT(String($f.call(Null; 21)))
$g:=Formula from string("Formula($1+"+"1)")
ALERT(String($g.call().call(Null; 1)))
$h:=Formula from string("dyn_run_text(\"vDyn"+"Fresh:=vDynFresh*2\")")
$h.call()
EXECUTE FORMULA("ALERT(String(vDyn"+"Fresh))")
