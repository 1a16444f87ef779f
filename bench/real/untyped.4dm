// Untyped legacy code: no declarations at all; a 2,000,000-iteration Case of loop on
// numbers, then 200,000 small texts built and measured.
$total:=0
For ($i; 1; 2000000)
	$x:=$i%17
	Case of
		: ($x=0)
			$total:=$total+3
		: ($x<5)
			$total:=$total+($x*2)
		Else
			$total:=$total-1
	End case
End for
$count:=0
For ($i; 1; 200000)
	$word:="w"+String($i%50)
	If (Length($word)=2)
		$count:=$count+1
	End if
End for
ALERT(String($total)+" "+String($count))
