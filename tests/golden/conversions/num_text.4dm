// Num(text) parses leniently with "." as decimal separator
ALERT(String(Num("123")))
ALERT(String(Num("12.5")))
ALERT(String(Num("-5")))
ALERT(String(Num("a1b2c3")))
ALERT(String(Num("")))
ALERT(String(Num("abc")))
ALERT(String(Num("123e2")))
