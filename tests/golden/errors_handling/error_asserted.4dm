// Asserted returns the condition, and raises like ASSERT
ALERT(String(Asserted(True)))
$b:=Try(Asserted(False))
ALERT(String(Last errors[0].errCode))
