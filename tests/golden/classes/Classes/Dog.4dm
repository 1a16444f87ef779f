Class extends Animal

property sound : Text:="woof"

Class constructor($name : Text; $breed : Text)
	Super($name)
	This.breed:=$breed

Function speak() : Text
	return Super.speak()+"!"

Function fetch($what : Text) : Text
	return This.name+" fetches "+$what
