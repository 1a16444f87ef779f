// Objects and collections: 100,000 objects; $o.x reads and writes and $o[$k] reads in
// For each loops, then .filter, .map (Formula), .query and .orderBy.
var $c; $keys; $f; $m; $q; $s : Collection
var $o : Object
var $i : Integer
var $sum; $sum2 : Real
var $k : Text
$c:=New collection
For ($i; 1; 100000)
	$c.push(New object("id"; $i; "name"; "item"+String($i%1000); "price"; $i%97; "qty"; $i%13))
End for
For each ($o; $c)
	$o.total:=$o.price*$o.qty
	$sum:=$sum+$o.total
End for each
$keys:=New collection("price"; "qty"; "id")
For each ($o; $c)
	For each ($k; $keys)
		$sum2:=$sum2+$o[$k]
	End for each
End for each
$f:=$c.filter(Formula($1.result:=$1.value.price>50))
$m:=$f.map(Formula($1.result:=$1.value.total+1))
$q:=$c.query("qty = :1"; 7)
$s:=$q.orderBy("price desc, id asc")
ALERT(String($sum)+" "+String($sum2)+" "+String($f.length)+" "+String($m.sum())+" "+String($q.length)+" "+String($s[0].id)+" "+String($s[$s.length-1].id))
