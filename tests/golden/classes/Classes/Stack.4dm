property items : Collection

Class constructor()
	This.items:=[]

Function push($v : Variant) : cs.Stack
	This.items.push($v)
	return This

Function pop() : Variant
	return This.items.pop()

Function get size() : Integer
	return This.items.length

Function get top() : Variant
	return This.items.last()
