// helper of tags_each: returns a collection of texts
#DECLARE() -> $c : Collection
$c:=New collection("Mary"; "Ann & Co")
