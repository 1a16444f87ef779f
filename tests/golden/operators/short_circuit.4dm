// && and || short-circuit; & and | evaluate both operands (op_side_true prints when called)
var $b : Boolean
$b:=False && op_side_true
ALERT("1:"+String($b))
$b:=True || op_side_true
ALERT("2:"+String($b))
$b:=False & op_side_true
ALERT("3:"+String($b))
$b:=True | op_side_true
ALERT("4:"+String($b))
