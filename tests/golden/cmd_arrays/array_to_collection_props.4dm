// array to collection props (docs/commands-legacy or docs/commands: array-to-collection.md example 2: objects with property names)
var $col : Collection
$col:=New collection
ARRAY TEXT($city;2)
ARRAY LONGINT($zip;2)
$city{1}:="Cleveland"
$city{2}:="Adger"
$zip{1}:=35049
$zip{2}:=35006
ARRAY TO COLLECTION($col;$city;"cityName";$zip;"Zip")
ALERT(JSON Stringify($col))
