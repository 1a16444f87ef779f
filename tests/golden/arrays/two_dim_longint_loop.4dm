// Filling a 2-D LONGINT array in nested loops
ARRAY LONGINT($m; 3; 3)
var $r; $c : Integer
For ($r; 1; 3)
	For ($c; 1; 3)
		$m{$r}{$c}:=$r*10+$c
	End for
End for
ALERT(String($m{1}{1})+" "+String($m{2}{3})+" "+String($m{3}{2}))
