// rec_tree (helper of recursion): a binary tree of objects of the given depth; each node
// carries its path text and the path's length.
#DECLARE($depth : Integer; $path : Text)->$node : Object
$node:=New object("path"; $path; "value"; Length($path))
If ($depth>0)
	$node.left:=rec_tree($depth-1; $path+"L")
	$node.right:=rec_tree($depth-1; $path+"R")
End if
