// helper: returns its own name
#DECLARE() -> $name : Text
$name:=Current method name
