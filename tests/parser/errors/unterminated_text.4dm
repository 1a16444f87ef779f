$t:="no end
$ok:=1
