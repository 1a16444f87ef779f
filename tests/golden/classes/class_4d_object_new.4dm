// 4D.Object.new() makes an empty plain object
$o:=4D.Object.new()
$o.a:=1
ALERT(JSON Stringify($o))
