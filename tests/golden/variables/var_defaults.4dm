// Declared variables receive the default value of their type
var $t : Text
var $i : Integer
var $r : Real
var $b : Boolean
var $d : Date
var $h : Time
var $c : Collection
var $p : Pointer
ALERT("text=["+$t+"]")
ALERT("integer="+String($i))
ALERT("real="+String($r))
ALERT("boolean="+String($b))
ALERT("date="+String($d))
ALERT("time="+String($h))
ALERT("collection length="+String($c.length))
ALERT("nil pointer="+String(Is nil pointer($p)))
