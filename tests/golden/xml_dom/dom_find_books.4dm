// DOM Find XML element (dom-find-xml-element.md, example 1): relative and absolute paths, then
// DOM GET XML ELEMENT VALUE; DOM GET XML ELEMENT NAME; DOM Count XML elements
var $xml; $root; $found; $value; $name : Text
$xml:="<bookstore><book><title>Harry Potter</title><price>29.99</price></book>"
$xml:=$xml+"<book><title>Learning XML</title><price>39.95</price></book></bookstore>"
$root:=DOM Parse XML variable($xml)
ALERT("parse OK="+String(OK)+" ref length "+String(Length($root)))
$found:=DOM Find XML element($root; "book[2]/title")
DOM GET XML ELEMENT VALUE($found; $value)
ALERT("The value of the element is: \""+$value+"\"")
$found:=DOM Find XML element($root; "/bookstore/book[2]")
$found:=DOM Find XML element($found; "title")
DOM GET XML ELEMENT VALUE($found; $value)
ALERT("The value of the element is: \""+$value+"\"")
DOM GET XML ELEMENT NAME($found; $name)
ALERT($name)
ALERT(String(DOM Count XML elements($root; "book")))
var $price : Real
$found:=DOM Find XML element($root; "book[last()]/price")
DOM GET XML ELEMENT VALUE($found; $price)
ALERT(String($price*2))
$found:=DOM Find XML element($root; "book[title=\"Harry Potter\"]/price")
DOM GET XML ELEMENT VALUE($found; $value)
ALERT($value)
DOM CLOSE XML($root)
ALERT("close OK="+String(OK))
