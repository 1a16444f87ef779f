// Reading past the end of a collection is an error (LANGUAGE.md §3.7)
var $c : Collection:=[1; 2]
var $v : Variant
ALERT(String($c[1]))
$v:=$c[5]  // <-- error
ALERT("after")
