// Elements can be replaced by index, with any type
var $c : Collection:=["a"; "b"; "c"]
$c[1]:="B"
$c[2]:=3
$c[0]:={k: "v"}
ALERT(JSON Stringify($c))
