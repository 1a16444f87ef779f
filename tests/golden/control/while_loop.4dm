// While tests before each iteration; a False condition skips the body
var $i; $sum : Integer
While ($i<10)
	$i:=$i+1
	$sum:=$sum+$i
End while
ALERT("sum="+String($sum))
While (False)
	ALERT("never")
End while
ALERT("i="+String($i))
