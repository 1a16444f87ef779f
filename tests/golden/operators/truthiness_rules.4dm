// Falsy for && || : False, Null, undefined, "", [], {}, the null date; 0 is truthy
ALERT(String(5 && !00-00-00!))
ALERT([] || "empty collection")
ALERT({} || "empty object")
ALERT(JSON Stringify({a: 1} || "x"))
ALERT(JSON Stringify([0] || "x"))
ALERT(String(False || False))
ALERT(String(0 && "zero is truthy"))
