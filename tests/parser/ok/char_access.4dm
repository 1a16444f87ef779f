// Character access `[[ ]]` versus indexes and nested collection literals.
$t[[i]]:="x"
$u:=$t[[$i+1]]
$v:=$c[1][[2]]
$w:=[[1; 2]; [3]]
$x:=$c[[1; 2]]
$y:=$c[[T:3]]
