// ORDA .query() on a table of $1 records, $2 queries of each kind: on fields
// without an index (pushed down to SQL on PostgreSQL unless pushdown=off), one
// on an indexed field (in memory either way), one on an entity selection.
var $n; $q; $i; $t0; $ms; $hits : Integer
var $sel : Object
$n:=Num($1)
$q:=Num($2)
ALERT("records "+String(ds.Item.all().length))
// integer without index, 0.1 % of the records each
$hits:=0
$t0:=Milliseconds
For ($i; 1; $q)
	$hits:=$hits+ds.Item.query("Code = :1"; $i%1000).length
End for
$ms:=Milliseconds-$t0
ALERT("orda Code= (no index) x"+String($q)+": "+String($ms)+" ms, "+String(Round($ms/$q; 2))+" ms each, "+String($hits)+" hits")
// text without index, 1 hit each
$hits:=0
$t0:=Milliseconds
For ($i; 1; $q)
	$hits:=$hits+ds.Item.query("Label = :1"; "L"+String((($i*7919)%$n)+1)).length
End for
$ms:=Milliseconds-$t0
ALERT("orda Label= (no index) x"+String($q)+": "+String($ms)+" ms, "+String(Round($ms/$q; 2))+" ms each, "+String($hits)+" hits")
// a range and a wildcard without index, combined
$hits:=0
$t0:=Milliseconds
For ($i; 1; $q)
	$hits:=$hits+ds.Item.query("Code < :1 and Label = :2"; 10; "L"+String($i%10)+"@").length
End for
$ms:=Milliseconds-$t0
ALERT("orda Code< and Label=x@ (no index) x"+String($q)+": "+String($ms)+" ms, "+String(Round($ms/$q; 2))+" ms each, "+String($hits)+" hits")
// indexed: stays in memory
$hits:=0
$t0:=Milliseconds
For ($i; 1; $q)
	$hits:=$hits+ds.Item.query("Qty = :1"; $i%1000).length
End for
$ms:=Milliseconds-$t0
ALERT("orda Qty= (indexed) x"+String($q)+": "+String($ms)+" ms, "+String(Round($ms/$q; 2))+" ms each, "+String($hits)+" hits")
// on an entity selection of 10 % of the records (rn = ANY(...) in SQL)
$sel:=ds.Item.query("Qty < 100")
$hits:=0
$t0:=Milliseconds
For ($i; 1; $q)
	$hits:=$hits+$sel.query("Code = :1"; $i%1000).length
End for
$ms:=Milliseconds-$t0
ALERT("orda selection("+String($sel.length)+").query Code= x"+String($q)+": "+String($ms)+" ms, "+String(Round($ms/$q; 2))+" ms each, "+String($hits)+" hits")
