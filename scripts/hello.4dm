// The smallest fourd program: run it with `fourd run scripts/hello.4dm [NAME]`.
#DECLARE($name : Text)
If ($name="")
	$name:="world"
End if
ALERT("Hello, "+$name+"!")
LOG EVENT(Into system standard outputs; "Your name has "+String(Length($name))+" letters.\n")
