// var declares several variables of the same type on one line
var $count; $total : Integer
var $first; $last : Text
$count:=2
$total:=$count*21
$first:="Ada"
ALERT(String($count)+" "+String($total))
ALERT($first+"|"+$last+"|")
ALERT(String(Type($total)=Is longint)+" "+String(Type($last)=Is text))
