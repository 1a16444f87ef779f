//%attributes = {"invisible":false}
#DECLARE($who : Text) : Text
return "hello from the "+$who
