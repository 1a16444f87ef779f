// Dot and bracket access read and write the same properties; any text works as a bracket key
var $o : Object:={}
var $k : Text:="city"
$o.name:="Ann"
$o["age"]:=30
$o["my key"]:="spaced"
$o[$k]:="Paris"
ALERT($o["name"]+" "+String($o.age)+" "+$o["my key"]+" "+$o.city)
ALERT(JSON Stringify($o))
