// A subclass of a class with a setter: a store into This.v calls it (case
// class_this_store_in_place).
Class extends ThisStoreBase

Function put($x : Integer)
	This.v:=$x
