// helper: writes a text through a pointer
#DECLARE($p : Pointer; $v : Text)
$p->:=$v
