// the session's process variables, declared by every request
var vUser : Text
var vCart : Collection
var <>savedCarts : Object
If (vCart=Null)
	vCart:=New collection
End if
If (<>savedCarts=Null)
	<>savedCarts:=New object
End if
