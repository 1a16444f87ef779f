// Control structures, nested; keywords in any case.
If ($x>1)
	If ($y) && ($z)
		$a:=1
	End if 
Else 
	$a:=2
End if 
if ($x=1)
	$b:=1
end if
Case of 
	: ($n=1)
		$c:="one"
	: (($n=2) | ($n=3))
	: $n=4
		$c:="four"
	Else 
		$c:="other"
End case 
While ($i<10)
	$i+=1
	If ($i=5)
		break
	End if 
	continue
End while 
Repeat 
	$i:=$i-1
Until ($i=0)
For ($i; 1; 10)
End for 
For ($i; 10; 1; -1)
	return 
End for 
return $x+1
