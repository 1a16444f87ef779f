// Literals: numbers, hex, text escapes, dates, times.
$n:=27
$r:=123.76
$e:=1.5e3
$x:=0x0000FFFF
$t:="tab\there \"quoted\" back\\slash \N up \d kept"
$d:=!2024-01-31!
$z:=!00-00-00!
$us:=!12/04/98!
$tm:=?12:30:05?
$h:=?8:05:30?
$empty:=""
$o:={}
$c:=[]
