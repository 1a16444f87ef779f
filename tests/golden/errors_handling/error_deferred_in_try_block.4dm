// a deferred error thrown directly in the Try block does not jump to Catch [choice: it is raised when the method returns]
Try
	throw({errCode: 8; message: "later"; deferred: True})
	ALERT("still in try")
Catch
	ALERT("not reached")
End try
ALERT("after try")
