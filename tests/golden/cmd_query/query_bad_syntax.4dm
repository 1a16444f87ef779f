// .query() with a malformed query string is an error
var $c : Collection
$c:=[{n: 1}]
ALERT("before")
$c:=$c.query("n = ")
