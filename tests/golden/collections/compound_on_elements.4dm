// Compound assignment on collection elements
var $c : Collection:=[1; "a"]
$c[0]+=41
$c[1]*=3
ALERT(JSON Stringify($c))
