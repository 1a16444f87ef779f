// For each closed by End for is a syntax error at the End for line
var $e : Variant
For each ($e; [1; 2])
	ALERT("never runs")
End for
