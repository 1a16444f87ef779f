// 200,000 New object pushed into a collection, then summed with For each.
var $i : Integer
var $c : Collection:=New collection
For ($i; 1; 200000)
	$c.push(New object("id"; $i; "value"; $i%100; "name"; "item"))
End for
var $o : Object
var $sum : Real
For each ($o; $c)
	$sum:=$sum+$o.value
End for each
ALERT(String($sum))
