// A subclass adding a computed property val: the parent's This.val:= must call its setter
Class extends DispBase

Class constructor($v : Integer)
	Super($v)

Function get val() : Integer
	return This._v

Function set val($v : Integer)
	This._v:=$v*2

Function describe() : Text
	return "derived "+String(This.val)
