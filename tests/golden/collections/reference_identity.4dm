// = on collections compares references (4D 20 R6+, LANGUAGE.md §4.4)
var $a : Collection:=[1]
var $b : Collection:=$a
ALERT(String($a=$b))
ALERT(String($a=[1]))
