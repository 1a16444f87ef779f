// EXECUTE METHOD with a result, with *, and OK
EXECUTE METHOD("fml_greet"; $r; "Ann")
ALERT($r)
ALERT(String(OK))
EXECUTE METHOD("fml_sum3"; *; 1; 2; 3)
ALERT(String(OK))
EXECUTE METHOD("no_such_method_here"; *)
ALERT(String(OK))
