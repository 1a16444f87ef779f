// Object elements are references: changing the item changes the collection
var $people : Collection:=[{name: "ann"; age: 30}; {name: "bob"; age: 40}]
var $p : Object
For each ($p; $people)
	$p.age:=$p.age+1
End for each
ALERT(JSON Stringify($people))
