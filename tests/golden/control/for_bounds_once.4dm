// Start, end and increment are evaluated once, at loop entry
var $i; $n; $count : Integer
$n:=3
For ($i; 1; $n)
	$n:=10
	$count:=$count+1
End for
ALERT("iterations="+String($count))
