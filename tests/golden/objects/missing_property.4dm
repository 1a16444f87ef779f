// Reading a missing property gives undefined; a property of undefined is undefined too (no error)
var $o : Object:={a: 1}
ALERT(String(Undefined($o.nope)))
ALERT(String(Value type($o.nope)=Is undefined))
ALERT("["+String($o.nope)+"]")
ALERT(String(Undefined($o.x.y.z)))
ALERT(String(Undefined($o.a)))
