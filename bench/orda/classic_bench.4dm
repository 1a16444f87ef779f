// the classic twin of orda_bench.4dm: the same data and the same operations
#DECLARE($n : Integer)
If ($n=0)
	$n:=1000000
End if
var $t; $i : Integer
var $words : Collection
$words:=["alpha"; "Beta"; "gamma"; "Delta"; "épsilon"; "zeta"; "Eta"; "theta"]
$t:=Milliseconds
For ($i; 1; $n)
	CREATE RECORD([Item])
	[Item]Code:=$i%1000
	[Item]Plain:=$i%1000
	[Item]Label:=$words[$i%8]+String($i%977)
	SAVE RECORD([Item])
End for
UNLOAD RECORD([Item])
LOG EVENT(Into system standard outputs; "classic SAVE RECORD x"+String($n)+": "+String(Milliseconds-$t)+" ms ("+String(Round($n/((Milliseconds-$t+1)/1000); 0))+" saves/s)\n")
$t:=Milliseconds
For ($i; 1; 100)
	QUERY([Item]; [Item]Code=$i)
End for
LOG EVENT(Into system standard outputs; "classic QUERY indexed x100: "+String(Milliseconds-$t)+" ms ("+String(Records in selection([Item]))+" found)\n")
$t:=Milliseconds
For ($i; 1; 5)
	QUERY([Item]; [Item]Plain=$i)
End for
LOG EVENT(Into system standard outputs; "classic QUERY non-indexed x5: "+String(Milliseconds-$t)+" ms ("+String(Records in selection([Item]))+" found)\n")
ALL RECORDS([Item])
$t:=Milliseconds
ORDER BY([Item]; [Item]Label; >)
LOG EVENT(Into system standard outputs; "classic ORDER BY text of "+String(Records in selection([Item]))+": "+String(Milliseconds-$t)+" ms (first "+[Item]Label+")\n")
ALL RECORDS([Item])
$t:=Milliseconds
ORDER BY([Item]; [Item]Plain; <)
LOG EVENT(Into system standard outputs; "classic ORDER BY number: "+String(Milliseconds-$t)+" ms\n")
ALL RECORDS([Item])
REDUCE SELECTION([Item]; 10000)
$t:=Milliseconds
var $c : Collection
$c:=[]
FIRST RECORD([Item])
While (Not(End selection([Item])))
	$c.push(New object("ID"; [Item]ID; "Code"; [Item]Code; "Label"; [Item]Label))
	NEXT RECORD([Item])
End while
LOG EVENT(Into system standard outputs; "classic selection to collection of "+String($c.length)+": "+String(Milliseconds-$t)+" ms\n")
