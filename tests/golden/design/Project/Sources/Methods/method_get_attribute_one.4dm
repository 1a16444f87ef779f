// METHOD Get attribute (method-get-attribute.md): one Boolean attribute of a project method by its constant; an unknown path is error -9801
ALERT(String(METHOD Get attribute("dsg_helper_a"; Attribute published Web))+" "+String(METHOD Get attribute("dsg_helper_a"; Attribute shared))+" "+String(METHOD Get attribute("dsg_helper_a"; Attribute invisible)))
ALERT(String(METHOD Get attribute("dsg_helper_b"; Attribute published Web))+" "+String(METHOD Get attribute("dsg_helper_b"; Attribute executed on server)))
Try
	ALERT(String(METHOD Get attribute("dsg_no_such_method"; Attribute shared)))
Catch
	ALERT(String(Last errors[0].errCode))
End try
