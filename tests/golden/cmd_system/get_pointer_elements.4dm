// get pointer elements (docs/commands-legacy or docs/commands: get-pointer.md example 2: array elements, 2D elements; unknown name)
ARRAY TEXT(gpArr;3)
ARRAY TEXT(gpCities;2;6)
$p:=Get pointer("gpArr{2}")
$p->:="two"
$p2:=Get pointer("gpCities"+"{2}{6}")
$p2->:="New York"
ALERT(gpArr{2}+" "+gpCities{2}{6})
ALERT(String(Is nil pointer(Get pointer("gpNoSuchVariable"))))
