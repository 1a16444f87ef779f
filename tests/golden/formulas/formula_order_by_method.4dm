// .orderByMethod returns a new sorted collection
$c:=["ccc"; "a"; "bb"]
$s:=$c.orderByMethod(Formula(Length($1.value)<Length($1.value2)))
ALERT($s.join(",")+" / "+$c.join(","))
