// An unassigned Collection variable has a length of 0 (LANGUAGE.md §3, data-types.md)
var $c : Collection
ALERT(String($c.length))
$c:=[]
ALERT(String($c.length))
