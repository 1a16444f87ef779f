// # is the negation of = and also honours the @ wildcard on its right
ALERT(String("abcdef"#"abc@"))
ALERT(String("xbcdef"#"abc@"))
ALERT(String("report.txt"#"@.txt"))
