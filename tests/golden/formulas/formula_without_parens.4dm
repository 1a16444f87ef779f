// reading the property without () gives the formula object
$o:={f: Formula(1+1)}
ALERT(String(Value type($o.f)))
ALERT(OB Class($o.f).name)
ALERT(String(OB Instance of($o.f; 4D.Function)))
