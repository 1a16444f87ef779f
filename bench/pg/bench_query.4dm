// Indexed queries on a table of $1 records: $2 equality queries on Name (one
// hit each) and $2 / 10 on Qty (0.1 % of the records each).
var $n; $q; $i; $t0; $ms; $hits; $k : Integer
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
// not indexed: a wildcard at the start reads every record (memory) or every row
$hits:=0
$t0:=Milliseconds
For ($i; 1; $q/100)
	$v:="@"+String((($i*7919)%$n)+1)
	QUERY([Item]; [Item]Name=$v)
	$hits:=$hits+Records in selection([Item])
End for
$ms:=Milliseconds-$t0
ALERT("query Name=@x (no index) x"+String($q/100)+": "+String($ms)+" ms, "+String(Round($ms*1000/($q/100); 1))+" µs each, "+String($hits)+" hits")
