// a runtime error in Last errors has fourd's signature
Try
	$x:=1+"a"
Catch
	ALERT(Last errors[0].componentSignature)
	ALERT(String(Last errors[0].errCode))
End try
