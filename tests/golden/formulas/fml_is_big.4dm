// helper: callback with an extra parameter (the threshold)
#DECLARE($e : Object; $min : Integer)
$e.result:=$e.value>$min
