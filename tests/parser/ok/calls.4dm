// Calls: commands and methods, with and without parentheses; markers.
ALERT("hello")
MyMethod
MyMethod($a; $b)
VCS_MethodPaths (->$x)
$s:=Genealogy of($name)
SORT ARRAY($arr; >)
SORT ARRAY($arr; $arr2; <)
$p:=Position("a"; $t; 1; $len; *)
$d:=Current date(*)
EXECUTE METHOD("m"; *; 1)
QUERY([People]; [People]Name="A@"; *)
QUERY([People];  & ; [People]Age>18)
APPLY TO SELECTION([People]; [People]Age:=[People]Age+1)
$r:=$o.method(1; 2).result[0]
$v:=cs.Person.new("x").name
$w:=Formula(1+2).call()
$u:=This.items.map(Formula($1.value*2))
