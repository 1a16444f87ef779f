// .call sets This to its first parameter
$f:=Formula(This.name)
ALERT($f.call({name: "Ann"}))
ALERT($f.call(New object("name"; "Bob")))
