// GET LAST ERROR STACK (get-last-error-stack.md): the codes, components and texts of the last
// errors, as Last errors lists them
ARRAY LONGINT($codes; 0)
ARRAY TEXT($comps; 0)
ARRAY TEXT($texts; 0)
var $e : Collection
Try
	throw(77; "custom failure")
End try
GET LAST ERROR STACK($codes; $comps; $texts)
$e:=Last errors
ALERT(String(Size of array($codes))+" "+String($e.length))
ALERT(String($codes{1})+" "+$comps{1}+" "+$texts{1})
