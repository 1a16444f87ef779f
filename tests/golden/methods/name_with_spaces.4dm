// Project method names may contain spaces
var $r : Text
$r:=mth greet user("Ann")
ALERT($r)
ALERT(mth greet user("Bob"))
