// Collections are 0-based; .length gives the element count
var $c : Collection:=[10; 20; 30]
ALERT(String($c[0]))
ALERT(String($c[2]))
ALERT(String($c.length))
ALERT(String($c[$c.length-1]))
