// $t:=$t+a+b... on a text local appends in place; the chain is ($t+a)+b as written: an
// operand naming $t sees its value from before the statement, numbers fold left to right,
// an error leaves $t unchanged
var $s; $a : Text
$s:="ab"
$s:=$s+$s
ALERT($s)
$s:=$s+"-"+$s
ALERT($s)
$s:="x"
$a:="y"
$s:=$s+$a+Char(65)+$a
ALERT($s)
var $n : Integer
$n:=1
$n:=$n+2+3
ALERT(String($n))
$n:=1
$n:=$n+0.4+0.4
ALERT(String($n))
var $r : Real
$r:=0.5
$r:=$r+0.25+0.25
ALERT(String($r))
var $d : Date
$d:=!2020-01-01!
$d:=$d+1+1
ALERT(String($d; ISO date))
$s:="keep"
Try
	$s:=$s+"a"+1
Catch
	ALERT("error: "+String(Last errors[0].errCode))
End try
ALERT($s)
$s:="keep"
Try
	$s:=$s+1+"a"
Catch
	ALERT("error: "+String(Last errors[0].errCode))
End try
ALERT($s)
ARRAY TEXT($at; 2)
$at{1}:="a1"
$s:="z"
$s:=$s+$at{1}+$at{2}+"!"
ALERT($s)
