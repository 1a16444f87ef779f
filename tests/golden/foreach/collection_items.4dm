// For each over a collection gives each element in order
var $item : Real
var $sum : Real
For each ($item; [10; 20; 30])
	ALERT(String($item))
	$sum:=$sum+$item
End for each
ALERT("sum="+String($sum))
