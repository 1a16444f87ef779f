// Null = Null, Null = undefined and undefined = undefined are True; Null = 42 is False;
// undefined compared with < to a text is False (versioned_docs/version-20/Concepts/dt_null_undefined.md)
var $o : Object:={a: 1}
ALERT(String(Null=Null))
ALERT(String($o.missing=Null))
ALERT(String($o.missing=$o.other))
ALERT(String(Null=42))
ALERT(String($o.missing#Null))
ALERT(String($o.a=Null))
ALERT(String($o.missing<"a"))
