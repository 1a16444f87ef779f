property count : Integer:=0

Function inc() : cs.Counter
	This.count+=1
	return This

Function add($n : Integer) : cs.Counter
	This.count+=$n
	return This
