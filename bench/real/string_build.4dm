// Legacy string building: a 60,000-line report (~2 MB) built with
// $s:=$s+$line+Char(Line feed), then its length and line count.
C_LONGINT($i; $n)
C_TEXT($s; $line)
For ($i; 1; 60000)
	$line:="Line "+String($i)+": amount "+String($i%1000)+" due"
	$s:=$s+$line+Char(Line feed)
End for
$n:=Length($s)
ALERT(String($n)+" "+String(Position("Line 59999:"; $s)))
