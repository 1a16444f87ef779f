// {placeholders} in the message are filled from the object
Try
	throw({errCode: 1; message: "File {name} not found ({path})"; name: "a.txt"; path: "/tmp"})
Catch
	ALERT(Last errors[0].message)
	ALERT(Last errors[0].name)
End try
