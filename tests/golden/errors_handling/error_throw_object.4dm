// throw(object): errCode, message, componentSignature
Try
	throw({errCode: 600; message: "custom"; componentSignature: "xbox"})
Catch
	ALERT(String(Last errors[0].errCode)+" "+Last errors[0].message+" "+Last errors[0].componentSignature)
End try
