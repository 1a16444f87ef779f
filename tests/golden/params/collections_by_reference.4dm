// Collections are passed by reference
var $c : Collection:=["a"; "b"]
prm_modify_collection($c)
ALERT(JSON Stringify($c))
