// $1.stop set by a callback method: .map stops after the current element
$c:=[1; 2; 3; 4]
$r:=$c.map("fml_stop_at_two")
ALERT(JSON Stringify($r))
