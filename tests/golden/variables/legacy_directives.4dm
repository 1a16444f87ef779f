// Legacy C_XXX compiler directives declare variables with their defaults
C_TEXT($t)
C_LONGINT($n; $m)
C_REAL($r)
C_BOOLEAN($b)
C_OBJECT($o)
C_COLLECTION($c)
ALERT("["+$t+"] "+String($n)+" "+String($m)+" "+String($r)+" "+String($b))
ALERT(String(Type($n)=Is longint)+" "+String(Type($r)=Is real)+" "+String(Type($o)=Is object))
$n:=5
$t:="x"*$n
ALERT($t)
