// Object literals {key: value; ...}, nested, empty
var $o : Object:={name: "x"; age: 42; sub: {a: 1}}
ALERT(JSON Stringify($o))
ALERT(JSON Stringify({}))
ALERT($o.name+" "+String($o.age)+" "+String($o.sub.a))
