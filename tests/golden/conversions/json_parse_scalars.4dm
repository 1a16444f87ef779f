// JSON Parse of scalar JSON texts
ALERT(String(JSON Parse("42")+1))
ALERT(JSON Parse("\"hi\""))
ALERT(String(JSON Parse("true")))
ALERT(String(Value type(JSON Parse("null"))=Is null))
ALERT(String(JSON Parse("1.5")*2))
