// Objects and collections are passed by reference; JSON in and out.
var $cart : Object:={owner: "Ada"; items: []}
$cart.items.push({name: "pen"; price: 1.5; qty: 4})
$cart.items.push({name: "book"; price: 12; qty: 1})
var $item : Object
var $total : Real
For each ($item; $cart.items)
	$total+=$item.price*$item.qty
End for each
ALERT($cart.owner+" owes "+String($total))
ALERT(JSON Stringify($cart))
var $copy : Object:=JSON Parse(JSON Stringify($cart))
$copy.owner:="Bob"
ALERT($cart.owner+" / "+$copy.owner)
