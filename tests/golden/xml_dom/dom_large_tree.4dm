// a tree of 20,000 children walked the three ways real code does (DOM Get next sibling XML
// element, DOM Get XML element by index, DOM Find XML element "it[i]"): each loop stays
// linear (an O(n²) walk would pass the suite's time limit)
var $xml; $root; $ref; $v : Text
var $n; $sum; $i : Integer
$xml:="<r>"
For ($i; 1; 20000)
	$xml:=$xml+"<it>"+String($i)+"</it>"
End for
$xml:=$xml+"</r>"
$root:=DOM Parse XML variable($xml)
$ref:=DOM Get first child XML element($root)
While (OK=1)
	$n:=$n+1
	$ref:=DOM Get next sibling XML element($ref)
End while
ALERT(String($n))
For ($i; 1; DOM Count XML elements($root; "it"))
	$ref:=DOM Get XML element($root; "it"; $i; $v)
	$sum:=$sum+Num($v)
End for
ALERT(String($sum))
$sum:=0
For ($i; 1; 3000)
	$ref:=DOM Find XML element($root; "it["+String($i)+"]")
	DOM GET XML ELEMENT VALUE($ref; $v)
	$sum:=$sum+Num($v)
End for
ALERT(String($sum))
DOM CLOSE XML($root)
