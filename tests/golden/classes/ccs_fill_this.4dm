// Helper of class_coll_store_plain_this / class_coll_store_not_object: This.c[$i]:=True
// for $i from $from to $to, in a loop the fast path compiles.
#DECLARE($from : Integer; $to : Integer)
var $i : Integer
For ($i; $from; $to)
	This.c[$i]:=True
End for
