#DECLARE($url : Text; $count : Integer; $opts) -> $result : Object
var $name : Text
var $count; $total : Integer
var $a : Text:="hello"
var $list:=New collection("a"; "b")
var $customer : cs.Customer:=cs.Customer.new()
var $f : 4D.File
var $0; ${1} : Real
C_TEXT($1; $2)
C_LONGINT(${4})
