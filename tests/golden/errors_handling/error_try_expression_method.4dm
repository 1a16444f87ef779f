// Try(expr) around a method call that throws
$r:=Try(eh_level3)
ALERT(String(Undefined($r))+" "+Last errors[0].message)
