// JSON Stringify then JSON Parse of a 50,000-object collection, three times.
var $i; $round : Integer
var $c : Collection:=New collection
For ($i; 1; 50000)
	$c.push(New object("id"; $i; "name"; "item "+String($i); "ok"; ($i%2)=0; "tags"; New collection("a"; "b")))
End for
var $text : Text
var $back : Collection
For ($round; 1; 3)
	$text:=JSON Stringify($c)
	$back:=JSON Parse($text)
End for
ALERT(String($back.length)+" "+String(Length($text)))
