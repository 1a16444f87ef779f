// Which instance this is: the text of instance.txt beside the project folder,
// if any (each instance of the scale-out test runs from a copy with its own).
var $file : Text
$file:=Get 4D folder(Database folder)+"instance.txt"
If (Test path name($file)=Is a document)
	<>instance:=Document to text($file)
Else
	<>instance:="fourd"
End if
