// A byte of a BLOB stored into a local in a compiled loop ($v:=$b{$i}), then summed: ten
// bytes set to 7 by SET BLOB SIZE's filler give 70 (the store was once lost).
var $b : Blob
var $i; $v; $s : Integer
SET BLOB SIZE($b; 10; 7)
For ($i; 0; 9)
	$v:=$b{$i}
	$s:=$s+$v
End for
ALERT(String($s)+" "+String($v))
