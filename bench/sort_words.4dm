// SORT ARRAY of 100,000 random 8-letter mixed-case words (case-insensitive order).
var $i; $j; $k : Integer
var $x : Real
var $w : Text
ARRAY TEXT($a; 100000)
$x:=42
For ($i; 1; 100000)
	$w:=""
	For ($j; 1; 8)
		$x:=Mod($x*16807; 2147483647)
		$k:=Mod($x; 52)
		If ($k<26)
			$w:=$w+Char(65+$k)
		Else
			$w:=$w+Char(97+$k-26)
		End if
	End for
	$a{$i}:=$w
End for
SORT ARRAY($a; >)
ALERT(Uppercase($a{1})+" "+Uppercase($a{50000})+" "+Uppercase($a{100000}))
