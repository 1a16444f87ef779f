// rec_count (helper of recursion): how many times the character $c is in $t, by halves.
#DECLARE($t : Text; $c : Text)->$n : Integer
var $mid : Integer
If (Length($t)<=1)
	$n:=Num($t=$c)
Else
	$mid:=Length($t)\2
	$n:=rec_count(Substring($t; 1; $mid); $c)+rec_count(Substring($t; $mid+1); $c)
End if
