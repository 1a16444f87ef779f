// resolve pointer 2d (docs/commands-legacy or docs/commands: resolve-pointer.md example 4: 2D array element)
ARRAY TEXT(atCities;100;50)
var $city : Pointer
atCities{1}{5}:="Paris"
$city:=->atCities{1}{5}
RESOLVE POINTER($city;$var;$rowNum;$colNum)
ALERT($var+" "+String($rowNum)+" "+String($colNum))
