// computed properties are not stored in the object
$t:=cs.Temperature.new(10)
ALERT(JSON Stringify($t))
