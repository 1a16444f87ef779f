// helper: changes its object parameter (a copy unless shared)
#DECLARE($o : Object)
If (OB Is shared($o))
	Use ($o)
		$o.n:=Num($o.n)+1
	End use
Else
	$o.n:=Num($o.n)+100
End if
