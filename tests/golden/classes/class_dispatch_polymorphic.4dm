// One member-call site and one property site seeing instances of different classes
// (a base class, subclasses overriding the function, an unrelated class, a plain object
// whose own formula property answers the call): each call resolves by the object's class.
var $all : Collection
var $o : Object
var $i : Integer
$all:=New collection(cs.Animal.new("Cat"); cs.Dog.new("Rex"; "lab"); cs.Puppy.new("Bit"))
$all.push(New object("name"; "Plain"; "speak"; Formula("plain "+This.name)))
$all.push(cs.Animal.new("Cow"))
For ($i; 1; 2)
	For each ($o; $all)
		ALERT($o.speak())
		ALERT($o.name)
	End for each
End for
// a class without computed properties and its subclass with a setter and a getter
$all:=New collection(cs.DispBase.new(1); cs.DispDerived.new(1); cs.DispBase.new(2))
For each ($o; $all)
	$o.setVal(5)
	ALERT($o.describe())
	ALERT(String($o.val))
End for each
