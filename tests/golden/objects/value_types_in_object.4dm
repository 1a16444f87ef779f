// Value type of property values
// A date stored in an object stays a date: the "Dates inside objects" setting is assumed to be
// "date type", the default of new projects (versioned_docs/version-21/Concepts/dt_date.md).
var $o : Object:={t: "x"; n: 1; b: False; o: {}; c: []; z: Null}
$o.d:=!2024-01-01!
ALERT(String(Value type($o.t))+" "+String(Value type($o.n))+" "+String(Value type($o.b)))
ALERT(String(Value type($o.o))+" "+String(Value type($o.c))+" "+String(Value type($o.z)))
ALERT(String(Value type($o.d))+" "+String(Value type($o.none)))
