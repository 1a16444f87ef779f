property celsius : Real

Class constructor($c : Real)
	This.celsius:=$c

Function get fahrenheit() : Real
	return This.celsius*9/5+32

Function set fahrenheit($f : Real)
	This.celsius:=($f-32)*5/9

Function get id() : Integer
	return 42

Function set secret($v : Text)
	This._secret:=$v
