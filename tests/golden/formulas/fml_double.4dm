// helper: callback method doubling $1.value into $1.result
#DECLARE($e : Object)
$e.result:=$e.value*2
