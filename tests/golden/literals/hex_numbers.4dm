// Hexadecimal integer literals (0x...), as written in the bitwise docs and exported code
ALERT(String(0x0000FFFF))
ALERT(String(0xFF))
ALERT(String(0x10+1))
ALERT(String(0x0000))
