// EXECUTE FORMULA calls a project method by name (a method no compiled code reaches)
var vDynTotal : Integer
var vDynR : Integer
$method:="dyn_add_to"
EXECUTE FORMULA("vDynR:="+$method+"(2; 3)")
ALERT(String(vDynR))
EXECUTE FORMULA($method+"(10; 20)")
ALERT(String(vDynTotal))
