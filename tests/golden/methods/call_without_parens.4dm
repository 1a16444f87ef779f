// A method without parameters is called with or without parentheses
mth_hello
mth_hello()
