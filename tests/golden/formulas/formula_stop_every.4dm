// .some stops at the first True; a callback with side effects shows how far it went
$seen:=[]
$c:=[1; 2; 3; 4]
$r:=$c.some(Formula($2.push($1.value).length>=2); $seen)
ALERT(String($r)+" "+JSON Stringify($seen))
