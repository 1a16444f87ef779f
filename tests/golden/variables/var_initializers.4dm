// var with initializers; the type is inferred when omitted (a numeric literal infers Real)
var $a : Text:="hello"
var $d : Date:=!2023-09-12!
var $o:={}
var $c:=[]
var $n:=20
ALERT($a+" "+String($d))
ALERT(String(Value type($o)=Is object))
ALERT(String(Value type($c)=Is collection))
ALERT(String(Type($n)=Is real))
ALERT(String($n))
