// multi sort typical (docs/commands-legacy or docs/commands: multi-sort-array.md example 1: two levels, synchronized arrays)
ARRAY TEXT($cities;4)
ARRAY LONGINT($sal;4)
ARRAY TEXT($names;4)
$cities{1}:="Paris"
$sal{1}:=100
$names{1}:="a"
$cities{2}:="Lyon"
$sal{2}:=300
$names{2}:="b"
$cities{3}:="Paris"
$sal{3}:=200
$names{3}:="c"
$cities{4}:="Lyon"
$sal{4}:=50
$names{4}:="d"
MULTI SORT ARRAY($cities;>;$sal;<;$names)
ALERT($names{1}+$names{2}+$names{3}+$names{4})
