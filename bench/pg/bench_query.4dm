// Queries on a table of $1 records: $2 indexed equality queries on Name (one
// hit each), $2 / 10 on Qty (0.1 % of the records each), and a few no index
// serves (on PostgreSQL these are pushed down to SQL unless pushdown=off).
var $n; $q; $i; $t0; $ms; $hits; $k; $c : Integer
var $v : Text
$n:=Num($1)
$q:=Num($2)
ALERT("records "+String(Records in table([Item])))
$t0:=Milliseconds
For ($i; 1; $q)
	$v:="N"+String((($i*7919)%$n)+1)
	QUERY([Item]; [Item]Name=$v)
	$hits:=$hits+Records in selection([Item])
End for
$ms:=Milliseconds-$t0
ALERT("query Name= x"+String($q)+": "+String($ms)+" ms, "+String(Round($ms*1000/$q; 1))+" µs each, "+String($hits)+" hits")
$hits:=0
$t0:=Milliseconds
For ($i; 1; $q/10)
	$k:=$i%1000
	QUERY([Item]; [Item]Qty=$k)
	$hits:=$hits+Records in selection([Item])
End for
$ms:=Milliseconds-$t0
ALERT("query Qty= x"+String($q/10)+": "+String($ms)+" ms, "+String(Round($ms*1000/($q/10); 1))+" µs each, "+String($hits)+" hits")
// a criterion no index serves (ends with): $2 / 1000 queries, at least 5
$hits:=0
$k:=$q/1000
If ($k<5)
	$k:=5
End if
$t0:=Milliseconds
For ($i; 1; $k)
	$v:="@"+String($i%100)+"7"
	QUERY([Item]; [Item]Name=$v)
	$hits:=$hits+Records in selection([Item])
End for
$ms:=Milliseconds-$t0
ALERT("query Name=@x7 (no index) x"+String($k)+": "+String($ms)+" ms, "+String(Round($ms/$k; 1))+" ms each, "+String($hits)+" hits")
// a field without index: $2 / 1000 queries, at least 5, 0.1 % of the records each
$hits:=0
$t0:=Milliseconds
For ($i; 1; $k)
	$c:=$i%1000
	QUERY([Item]; [Item]Code=$c)
	$hits:=$hits+Records in selection([Item])
End for
$ms:=Milliseconds-$t0
ALERT("query Code= (no index) x"+String($k)+": "+String($ms)+" ms, "+String(Round($ms/$k; 1))+" ms each, "+String($hits)+" hits")
