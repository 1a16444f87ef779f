// JSON Stringify is compact: texts quoted, numbers, true/false, null, nested
var $o : Object:={t: "x"; n: 2.5; i: 10; b: True; f: False; z: Null; c: [1; "two"]; o: {k: -1}}
ALERT(JSON Stringify($o))
