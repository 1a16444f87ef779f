// Nested For each over a collection of collections
var $rows : Collection:=[[1; 2]; [3; 4; 5]]
var $row : Collection
var $v : Real
var $line : Text
For each ($row; $rows)
	$line:=""
	For each ($v; $row)
		$line:=$line+String($v)+" "
	End for each
	ALERT($line+"("+String($row.length)+")")
End for each
