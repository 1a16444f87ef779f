// .map with a method name; the method sets $1.result
ALERT(JSON Stringify([1; 2; 3].map("fml_double")))
