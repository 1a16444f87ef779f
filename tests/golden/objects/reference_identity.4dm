// = and # on objects compare references (4D 20 R6+, LANGUAGE.md §3.6)
var $a : Object:={x: 1}
var $b : Object:=$a
var $c : Object:={x: 1}
ALERT(String($a=$b))
ALERT(String($a=$c))
ALERT(String($a#$c))
