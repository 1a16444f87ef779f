// Value type of each kind of value
var $o : Object:={}
var $x : Real
ALERT(String(Value type("a"))+" "+String(Value type(1))+" "+String(Value type(True)))
ALERT(String(Value type(!2024-01-01!))+" "+String(Value type(?01:00:00?))+" "+String(Value type({})))
ALERT(String(Value type([]))+" "+String(Value type(Null))+" "+String(Value type($o.missing)))
ALERT(String(Value type(->$x)))
