// Length counts characters
ALERT(String(Length("hello")))
ALERT(String(Length("")))
ALERT(String(Length("héllo")))
ALERT(String(Length("a b c")))
ALERT(String(Length("日本語")))
