// multi sort pointers (docs/commands-legacy or docs/commands: multi-sort-array.md example 2: pointer array syntax)
ARRAY TEXT(msCities;3)
ARRAY TEXT(msNames;3)
msCities{1}:="b"
msNames{1}:="one"
msCities{2}:="a"
msNames{2}:="two"
msCities{3}:="c"
msNames{3}:="three"
ARRAY POINTER($ptrs;2)
ARRAY LONGINT($sorts;2)
$ptrs{1}:=->msCities
$sorts{1}:=-1
$ptrs{2}:=->msNames
$sorts{2}:=0
MULTI SORT ARRAY($ptrs;$sorts)
ALERT(msNames{1}+","+msNames{2}+","+msNames{3})
