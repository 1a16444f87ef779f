// Two-dimensional arrays: $a{row}{col}; a row is itself an array
ARRAY TEXT($grid; 2; 3)
$grid{1}{1}:="a"
$grid{1}{3}:="c"
$grid{2}{2}:="e"
ALERT(String(Size of array($grid))+" rows, "+String(Size of array($grid{1}))+" columns")
ALERT($grid{1}{1}+"|"+$grid{1}{2}+"|"+$grid{1}{3})
ALERT($grid{2}{1}+"|"+$grid{2}{2}+"|"+$grid{2}{3})
