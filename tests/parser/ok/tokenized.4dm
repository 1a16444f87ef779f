// Tokenized source: suffixes are kept on the names.
$l:=Length:C16($t)
LOG EVENT:C667(Into system standard outputs:K38:9; $msg)
$b:=(Value type:C1509($v)=Is text:K8:3)
[PO:39]currency:46:="EUR"
WR INSERT TEXT:P12000:19($area; "x")
$s:=Séparateur dossier:K24:12
$k:=Version type:C495 ?? 64 bit version:K5:25
$f:=[Filme:1]:18
$x:=True:C214 & Not:C34(False:C215)
