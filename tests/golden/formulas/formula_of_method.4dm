// Formula(method) forwards the call's parameters to the method
$f:=Formula(fml_sum3)
ALERT(String($f.call(Null; 1; 2; 3)))
