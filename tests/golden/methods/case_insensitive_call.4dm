// Method names are case-insensitive
MTH_HELLO
ALERT(String(MTH_Square(5)))
