// ORDA benchmark (not a test): N entities (default 1,000,000; $1 to change),
// each figure in milliseconds, next to the classic commands (classic_bench.4dm)
#DECLARE($n : Integer)
If ($n=0)
	$n:=1000000
End if
var $t; $i : Integer
var $e; $s : Object
var $c : Collection
var $words : Collection
$words:=["alpha"; "Beta"; "gamma"; "Delta"; "épsilon"; "zeta"; "Eta"; "theta"]
$t:=Milliseconds
For ($i; 1; $n)
	$e:=ds.Item.new()
	$e.Code:=$i%1000
	$e.Plain:=$i%1000
	$e.Label:=$words[$i%8]+String($i%977)
	$e.save()
End for
LOG EVENT(Into system standard outputs; "orda save x"+String($n)+": "+String(Milliseconds-$t)+" ms ("+String(Round($n/((Milliseconds-$t+1)/1000); 0))+" saves/s)\n")
$t:=Milliseconds
For ($i; 1; 100)
	$s:=ds.Item.query("Code = :1"; $i)
End for
LOG EVENT(Into system standard outputs; "orda query indexed x100: "+String(Milliseconds-$t)+" ms ("+String($s.length)+" found)\n")
$t:=Milliseconds
For ($i; 1; 5)
	$s:=ds.Item.query("Plain = :1"; $i)
End for
LOG EVENT(Into system standard outputs; "orda query non-indexed x5: "+String(Milliseconds-$t)+" ms ("+String($s.length)+" found)\n")
$t:=Milliseconds
$s:=ds.Item.all().orderBy("Label")
LOG EVENT(Into system standard outputs; "orda orderBy text of "+String($s.length)+": "+String(Milliseconds-$t)+" ms (first "+$s.first().Label+")\n")
$t:=Milliseconds
$s:=ds.Item.all().orderBy("Plain desc")
LOG EVENT(Into system standard outputs; "orda orderBy number of "+String($s.length)+": "+String(Milliseconds-$t)+" ms\n")
$t:=Milliseconds
$c:=ds.Item.all().slice(0; 10000).toCollection("ID, Code, Label")
LOG EVENT(Into system standard outputs; "orda toCollection of "+String($c.length)+": "+String(Milliseconds-$t)+" ms\n")
