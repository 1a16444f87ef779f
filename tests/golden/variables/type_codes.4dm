// Type() returns the declared type of a variable
var $t : Text
var $i : Integer
var $r : Real
var $b : Boolean
var $d : Date
var $h : Time
var $o : Object
var $c : Collection
var $p : Pointer
var $x : Blob
var $v : Variant
ALERT(String(Type($t))+" "+String(Type($i))+" "+String(Type($r))+" "+String(Type($b)))
ALERT(String(Type($d))+" "+String(Type($h))+" "+String(Type($o))+" "+String(Type($c)))
ALERT(String(Type($p))+" "+String(Type($x))+" "+String(Type($v)))
