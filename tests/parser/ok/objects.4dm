// Object and collection literals; keywords as keys; table vs collection.
$o:={name: "x"; age: 42; sub: {a: 1}; If: 2; While: 3}
$c:=[1; "a"; {}; [2; 3]]
$t:=[Current date:C33]
$tbl:=->[Products]
$fld:=->[Products]Size
$n:=$o.if+$o.return
