Use ($o)
	$o.a:=1
End while
End use
