// JSON Stringify escapes quotes, backslashes and newlines
var $o : Object:={s: "a\"b"; p: "C:\\dir"; nl: "x\ny"}
ALERT(JSON Stringify($o))
