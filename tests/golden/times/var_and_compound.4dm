// A Time variable defaults to ?00:00:00?; += adds a time
var $t : Time
ALERT(String($t))
$t:=$t+?00:00:30?
ALERT(String($t))
$t+=?00:01:00?
ALERT(String($t))
C_TIME($t2)
ALERT(String($t2=?00:00:00?))
