// One precedence level, left to right: (3+4)*5, comparisons and && included.
$a:=3+4*5
$b:=3+(4*5)
$c:=1+1=2
$d:=$x || $y && $z
$e:=-2^2
$f:=$a<$b & $c>=$d | $e#1
$g:=10\3%2
$h:=0x00FF ^| 0xFF00 << 2 >> 1
$i:=$n ?+ 3 ?- 1 ?? 2
$j:=($a>0) ? "pos" : ($a<0) ? "neg" : "zero"
$k:=$p.x || "n/a"
