// JSON Stringify array and JSON PARSE ARRAY: a 4D array as a JSON array and back, each element converted to the array's type (docs: json-stringify-array, json-parse-array)
ARRAY TEXT($names; 2)
$names{1}:="a"
$names{2}:="b\"c"
ALERT(JSON Stringify array($names))
ARRAY LONGINT($nums; 0)
JSON PARSE ARRAY("[3, 4.0, 7]"; $nums)
ALERT(String(Size of array($nums))+" "+String($nums{1}+$nums{3}))
ARRAY REAL($reals; 0)
JSON PARSE ARRAY("[1.5, 2]"; $reals)
ALERT(JSON Stringify array($reals))
ARRAY OBJECT($objs; 0)
JSON PARSE ARRAY("[{\"x\": 1}, {\"x\": 2}]"; $objs)
ALERT(String($objs{2}.x))
Try
	JSON PARSE ARRAY("{\"x\": 1}"; $nums)
Catch
	ALERT("not an array")
End try
