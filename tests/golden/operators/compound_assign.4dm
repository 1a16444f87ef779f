// Compound assignment operators += -= *= /= on numbers, texts and dates
var $n : Real:=10
$n+=5
ALERT(String($n))
$n-=3
ALERT(String($n))
$n*=2
ALERT(String($n))
$n/=8
ALERT(String($n))
var $t : Text:="ab"
$t+="c"
ALERT($t)
$t*=2
ALERT($t)
var $d : Date:=!2024-01-25!
$d+=10
ALERT(String($d))
