// helper of tags_script: a 4DSCRIPT method gets "/param" and returns a text
#DECLARE($param : Text) -> $result : Text
vTgCalls:=vTgCalls+1
If ($param="/html")
	$result:=Char(1)+"<b>bold</b>"
Else
	$result:="got <"+$param+">"
End if
