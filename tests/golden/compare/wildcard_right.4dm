// @ in the right operand of = matches zero or more characters; in the left operand it is literal
ALERT(String("abcdefghij"="abc@"))
ALERT(String("abcdefghij"="@bcd@"))
ALERT(String("abcdefghij"="abcd@efghij"))
ALERT(String("abc@"="abcdefghij"))
ALERT(String("abc"="abc@"))
ALERT(String("xyz"="abc@"))
ALERT(String("ABCdef"="abc@"))
