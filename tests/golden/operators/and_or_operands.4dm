// && and || return one of their operands: first falsy / first truthy, else the last
var $o : Object:={name: "Ann"}
ALERT("Hello" && "World")
ALERT("["+("" && "World")+"]")
ALERT("" || "default")
ALERT(String(0 || 5))
ALERT(String(True && 7))
ALERT(Null || "n/a")
ALERT($o.phone || "no phone")
ALERT($o.name || "no name")
