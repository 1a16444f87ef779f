// A base class: property initializers, a constructor, functions, a getter
property legs : Integer:=4
property sound : Text:="..."
property name : Text

Class constructor($name : Text)
	This.name:=$name

Function speak() : Text
	return This.name+" says "+This.sound

Function get description() : Text
	return This.name+" has "+String(This.legs)+" legs"
