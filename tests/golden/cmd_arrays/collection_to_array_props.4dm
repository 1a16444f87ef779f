// collection to array props (docs/commands-legacy or docs/commands: collection-to-array.md example 2: property names)
var $col : Collection
$col:=New collection
ARRAY TEXT($city;0)
ARRAY LONGINT($zip;0)
$col.push(New object("name";"Cleveland";"zc";35049))
$col.push(New object("name";"Blountsville";"zc";35031))
COLLECTION TO ARRAY($col;$city;"name";$zip;"zc")
ALERT($city{2}+" "+String($zip{1})+" "+String(Size of array($zip)))
