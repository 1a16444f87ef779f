// initializers run parent first: the child's value wins
$d:=cs.Dog.new("Rex"; "lab")
ALERT(JSON Stringify($d))
