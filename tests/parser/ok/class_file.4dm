Class extends Shape

property name : Text
property width; height : Integer
property color : Text:="blue"
exposed Alias fullName person.name

shared singleton Class constructor($w : Integer; $h : Integer)
	Super("rect")
	This.width:=$w

Function area() : Integer
	return This.width*This.height

Function get perimeter() -> $p : Integer
	$p:=2*(This.width+This.height)

Function set label($t : Text)
	This.name:=$t

exposed local Function query($q : Text; ... : Variant) : Collection
	return Super.query($q)

Function event touched($event : Object)
