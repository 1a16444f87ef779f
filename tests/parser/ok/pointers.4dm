// Pointers: make and dereference.
$p:=->$x
$q:=->$arr{2}
$r:=->processVar
$s:=($pp->)->
$v:=$p->+1
$e:=$p->{2}
$b:=Is nil pointer($p)
