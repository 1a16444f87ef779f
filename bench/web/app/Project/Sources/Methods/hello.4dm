//%attributes = {"publishedWeb":true}
// the benchmarked handler: one process variable touched, one WEB SEND TEXT
var vHits : Integer
vHits:=vHits+1
WEB SEND TEXT("hello "+String(vHits); "text/plain")
