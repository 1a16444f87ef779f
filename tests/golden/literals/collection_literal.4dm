// Collection literals [a; b; ...], nested, empty; an undefined element becomes null
var $o : Object:={}
var $c : Collection:=[1; "a"; {}; [2; 3]]
ALERT(JSON Stringify($c))
ALERT(String($c.length))
ALERT(JSON Stringify([]))
ALERT(JSON Stringify([$o.missing; 5]))
