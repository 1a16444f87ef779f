// Position(...; start) and Replace string on long texts (over 512 bytes): positions are
// UTF-16 units and stay right after the text changes from ASCII to not ASCII and back;
// the search is case- and accent-insensitive, skips ignorable characters, and a ligature
// matches its letters
var $t; $u : Text
var $i; $n; $start; $pos; $len : Integer
For ($i; 1; 600)
	$t:=$t+"a"
End for
ALERT(String(Position("b"; $t)))
$t:=$t+"😀b"
ALERT(String(Position("B"; $t)))
ALERT(String(Position("b"; $t; 600)))
ALERT(String(Position("b"; $t; 604)))
$t:=Substring($t; 1; 600)+"xb"
ALERT(String(Position("b"; $t)))
$t:=$t+"Crème "+Char(1)+"BRÛLÉE œuvre"
ALERT(String(Position("creme brulee"; $t; 10; $len))+" "+String($len))
ALERT(String(Position("OE"; $t)))
ALERT(String(Position("ée"; $t)))
$u:=""
For ($i; 1; 200)
	$u:=$u+"Ab;é"+Char(13)+Char(10)
End for
$start:=1
$n:=0
$pos:=Position("É"+Char(13); $u; $start)
While ($pos>0)
	$n:=$n+1
	$start:=$pos+1
	$pos:=Position("É"+Char(13); $u; $start)
End while
ALERT(String($n))
ALERT(String(Length(Replace string($u; Char(13)+Char(10); Char(10)))))
ALERT(Replace string(Substring(Replace string($u; "AB"; "x"); 1; 12); Char(13)+Char(10); "|"; *))
ALERT(Replace string(Substring(Replace string($u; "e"; "[e]"; 2); 1; 20); Char(13)+Char(10); "|"; *))
ALERT(String(Position("ab"; $u; 7; *))+" "+String(Position("Ab"; $u; 7; *)))
$t:=""
For ($i; 1; 700)
	$t:=$t+Char(65+($i%26))
End for
ALERT(String(Length($t))+" "+Substring($t; 650; 4)+" "+Substring($t; 699))
$t:=$t+"é"
ALERT(String(Length($t))+" "+Substring($t; 699))
