// collection to array typical (docs/commands-legacy or docs/commands: collection-to-array.md example 1)
var $fruits : Collection
$fruits:=New collection("Orange";"Banana";"Apple";"Grape")
ARRAY TEXT($art;0)
COLLECTION TO ARRAY($fruits;$art)
ALERT(String(Size of array($art))+" "+$art{1}+" "+$art{4})
