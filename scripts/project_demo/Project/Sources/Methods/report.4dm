//%attributes = {}
// Run with: fourd run scripts/project_demo --method report
ARRAY TEXT($names; 0)
APPEND TO ARRAY($names; "Zoe")
APPEND TO ARRAY($names; "adam")
APPEND TO ARRAY($names; "Émile")
ALERT("adam is number "+String(Find in array($names; "ADAM")))
var $i : Integer
For ($i; 1; Size of array($names))
	ALERT(String($i)+". "+$names{$i})
End for
