// Untyped locals in compiled loops: the same values and types as the tree-walker.
// An Integer that the loop's sums make a Real
$total:=0
$count:=0
For ($i; 1; 1000)
	$x:=$i%17
	Case of
		: ($x=0)
			$total:=$total+3
		: ($x<5)
			$total:=$total+($x*2)
		Else
			$total:=$total-1
	End case
	If ($x>15)
		$count:=$count+1
	End if
End for
ALERT(String($total)+" "+String(Type($total))+" "+String($x)+" "+String(Type($x))+" "+String($i)+" "+String(Type($i))+" "+String($count)+" "+String(Type($count)))
// a loop that never runs leaves everything as it was (`%` gives an Integer)
$n:=5%6
For ($j; 1; 0)
	$n:=$n+1
	$never:=1.5
End for
ALERT(String($n)+" "+String(Type($n))+" "+String(Type($never))+" "+String($j)+" "+String(Type($j)))
// a break before the first store leaves it undefined
$k:=0
While ($k<10)
	$k:=$k+1
	If ($k>=1)
		break
	End if
	$late:=$k*2
End while
ALERT(String($k)+" "+String(Type($late)))
// a value read before the loop's first store keeps its own type on the first pass
$m:=7%10
For ($i; 1; 3)
	$copy:=$m
	$neg:=-$m
	$m:=$m+1
End for
ALERT(String($copy)+" "+String(Type($copy))+" "+String($neg)+" "+String($m)+" "+String(Type($m)))
// an Integer turned into a Real by the loop's sums, read only as an operand
$ic:=3%4
$big:=0
For ($i; 1; 5)
	If ($ic>4)
		$big:=$big+1
	End if
	$ic:=$ic+1
End for
ALERT(String($ic)+" "+String(Type($ic))+" "+String($big))
// a store only in a branch: read after the loop
For ($i; 1; 4)
	If ($i=3)
		$seen:=$i
	End if
End for
ALERT(String($seen)+" "+String(Type($seen)))
// a Boolean flag and a Real accumulator
$flag:=False
$sum:=0.5
For ($i; 1; 10)
	$flag:=($i%4=0) | $flag
	$sum:=$sum+($i/4)
End for
ALERT(String($flag)+" "+String($sum)+" "+String(Type($sum)))
// a store of another type than the loop's entry value: the tree-walker runs it
$v:=1.5
For ($i; 1; 3)
	$v:=$i%2
End for
ALERT(String($v)+" "+String(Type($v)))
// an error in the loop: the locals hold what they had when it stopped
$acc:=0
$d:=3
Try
	For ($i; 1; 10)
		$acc:=$acc+$i
		$d:=$d-1
		$r:=10%$d
	End for
Catch
	ALERT("caught "+String(Last errors[0].errCode))
End try
ALERT(String($acc)+" "+String($i)+" "+String($d)+" "+String(Type($r))+" "+String($r))
