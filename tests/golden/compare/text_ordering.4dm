// < > <= >= on texts use the same case-insensitive collation
ALERT(String("abc"<"abd"))
ALERT(String("ABC"<"abd"))
ALERT(String("b">"a"))
ALERT(String("apple"<"banana"))
ALERT(String("a"<="A"))
ALERT(String("Z">"a"))
ALERT(String("abc">="abcd"))
