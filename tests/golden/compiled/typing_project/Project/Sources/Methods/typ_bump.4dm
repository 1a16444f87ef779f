// never declared: the compiler types typ_hits as a Real from this assignment
typ_hits:=typ_hits+1
