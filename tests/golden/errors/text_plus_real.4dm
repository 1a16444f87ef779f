// "abc"+0.5 mixes Text and Real: a type error (LANGUAGE.md §3.12)
var $x : Variant
ALERT("before")
$x:="abc"+0.5  // <-- error
ALERT("after")
