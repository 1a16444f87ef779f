// CREATE RECORD / SAVE RECORD of $1 records; $2 > 0 groups them in
// transactions of $2 records (a bulk load), 0 saves each on its own.
var $n; $batch; $i; $t0; $ms : Integer
$n:=Num($1)
$batch:=Num($2)
$t0:=Milliseconds
For ($i; 1; $n)
	If ($batch>0)
		If (($i-1)%$batch=0)
			START TRANSACTION
		End if
	End if
	CREATE RECORD([Item])
	[Item]Name:="N"+String($i)
	[Item]Qty:=$i%1000
	// not indexed: what a pushed-down query is for (bench_orda_query.4dm)
	[Item]Code:=($i*7)%1000
	[Item]Label:="L"+String($i)
	SAVE RECORD([Item])
	If ($batch>0)
		If (($i%$batch=0) | ($i=$n))
			VALIDATE TRANSACTION
		End if
	End if
End for
UNLOAD RECORD([Item])
$ms:=Milliseconds-$t0
If ($ms=0)
	$ms:=1
End if
ALERT("create "+String($n)+" batch "+String($batch)+": "+String($ms)+" ms, "+String(Round($n*1000/$ms; 0))+" records/s")
