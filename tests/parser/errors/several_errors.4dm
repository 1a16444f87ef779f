$a:=1
If ($a
$b:=2)
End if
$c:=3 3
