// JSON Stringify(JSON Parse(x)) keeps the structure and order
var $json : Text:="{\"b\":[1,{\"c\":null}],\"a\":\"x\",\"n\":-2.5,\"t\":false}"
ALERT(JSON Stringify(JSON Parse($json)))
ALERT(String(JSON Stringify(JSON Parse($json))=$json))
