//%attributes = {"publishedWeb":true,"invisible":true}
$x:=1
