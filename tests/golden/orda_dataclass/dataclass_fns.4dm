// all(), get(), new(), newSelection(), fromCollection() (docs/API/DataClassClass.md)
ofill
var $e; $s : Object
ALERT(String(ds.Company.all().length))
ALERT(ds.Company.get(3).Name+" "+ds.Company.get("2").Name+" "+String(ds.Company.get(99)=Null))
$e:=ds.Company.new()
ALERT(String($e.ID=Null)+" "+$e.Name+"|"+String($e.Revenue))
ALERT(String(ds.Company.all().length))
$s:=ds.Company.newSelection()
ALERT(String($s.length)+" "+String($s.isAlterable())+" "+String($s.isOrdered()))
// fromCollection: an existing key updates, no key creates
$s:=ds.Company.fromCollection(New collection(New object("ID"; 2; "City"; "Rome"); New object("Name"; "Hooli"; "City"; "Palo Alto"); New object("__KEY"; 1; "Revenue"; 150)))
ALERT(String($s.length)+" "+JSON Stringify($s.Name))
ALERT(ds.Company.get(2).Name+" "+ds.Company.get(2).City+" "+String(ds.Company.get(1).Revenue)+" "+String(ds.Company.all().length))
ALERT(String($s.isAlterable()))
