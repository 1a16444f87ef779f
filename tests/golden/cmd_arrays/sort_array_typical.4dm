// sort array typical (docs/commands-legacy or docs/commands: sort-array.md: several arrays follow the first)
ARRAY TEXT($names;3)
ARRAY LONGINT($ids;3)
$names{1}:="pear"
$names{2}:="Apple"
$names{3}:="fig"
$ids{1}:=1
$ids{2}:=2
$ids{3}:=3
SORT ARRAY($names;$ids;>)
ALERT($names{1}+","+$names{2}+","+$names{3}+" "+String($ids{1})+String($ids{2})+String($ids{3}))
SORT ARRAY($names;$ids;<)
ALERT($names{1}+","+$names{2}+","+$names{3}+" "+String($ids{1})+String($ids{2})+String($ids{3}))
