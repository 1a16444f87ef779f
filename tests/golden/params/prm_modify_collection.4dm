// helper: modifies the collection it receives
#DECLARE($c : Collection)
$c[0]:="changed"
$c[$c.length]:="appended"
