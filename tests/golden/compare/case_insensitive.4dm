// Text = and # ignore case
ALERT(String("a"="A"))
ALERT(String("abc"="ABC"))
ALERT(String("Hello"="hello"))
ALERT(String("abc"#"ABD"))
ALERT(String("abc"#"ABC"))
ALERT(String("abc"="abcd"))
