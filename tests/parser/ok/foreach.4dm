// For each with begin/end and While/Until conditions.
For each ($item; $collection)
	$sum+=$item
End for each 
For each ($key; $object)
End for each 
For each ($e; $col; 2; 5) While ($sum<100)
End for each 
For each ($e; $col) Until ($e="stop")
End for each 
