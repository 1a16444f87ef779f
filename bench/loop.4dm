// A 30,000,000-iteration For loop summing ((i%7)*(i%7))%7 into an Integer.
var $i; $sum : Integer
For ($i; 1; 30000000)
	$sum:=$sum+((($i%7)*($i%7))%7)
End for
ALERT(String($sum))
