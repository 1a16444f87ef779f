// Is license available: no 4D license in fourd (False for a license constant, True without one); Is data file locked is False; _4D THROW ERROR is throw's former name (docs: is-license-available, is-data-file-locked, throw)
ALERT(String(Is license available(4D View license))+" "+String(Is license available(4D Write license))+" "+String(Is license available))
ALERT(String(Is data file locked))
Try
	_4D THROW ERROR(12; "boom")
Catch
	ALERT(String(Last errors[0].errCode)+" "+Last errors[0].message)
End try
