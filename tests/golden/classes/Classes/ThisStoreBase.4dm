// The parent of ThisStoreSet: v is computed (case class_this_store_in_place).
Function set v($x : Integer)
	This._v:=$x*2

Function get v() : Integer
	return This._v
