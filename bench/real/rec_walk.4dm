// rec_walk (helper of recursion): the sum of the values of a tree, plus the number of "L"
// at the end of the leaves' paths.
#DECLARE($node : Object)->$sum : Real
$sum:=$node.value
If ($node.left#Null)
	$sum:=$sum+rec_walk($node.left)+rec_walk($node.right)
Else
	If (Substring($node.path; Length($node.path); 1)="L")
		$sum:=$sum+1
	End if
End if
