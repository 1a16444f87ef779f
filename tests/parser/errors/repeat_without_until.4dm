Repeat
	$i+=1
