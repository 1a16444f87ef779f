// entity.save(): new entities, stamps, touched(), getKey(), the status object (docs/API/EntityClass.md#save)
ofill
var $e; $st : Object
$e:=ds.Company.new()
ALERT(String($e.isNew())+" "+String($e.getStamp()))
$e.Name:="Umbrella"
$e.City:="Raccoon"
$st:=$e.save()
ALERT(JSON Stringify($st))
ALERT(String($e.isNew())+" "+String($e.getKey())+" "+String($e.getStamp()))
ALERT(String(ds.Company.all().length))
// an untouched entity saves without changing its stamp
$e:=ds.Company.get(1)
ALERT(String($e.touched())+" "+String($e.getStamp()))
ALERT(JSON Stringify($e.save())+" "+String($e.getStamp()))
$e.City:="Berlin"
ALERT(String($e.touched())+" "+JSON Stringify($e.touchedAttributes()))
$st:=$e.save()
ALERT(String($st.success)+" "+String($e.getStamp())+" "+String($e.touched()))
ALERT(ds.Company.get(1).City)
// getKey as a text
ALERT(String(Value type($e.getKey(dk key as string)))+" "+$e.getKey(dk key as string))
// a duplicated unique key: status 4 (dk status serious error)
$e:=ds.Company.new()
$e.ID:=2
$st:=$e.save()
ALERT(String($st.success)+" "+String($st.status)+" "+$st.statusText)
