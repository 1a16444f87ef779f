// initialized properties exist before the constructor runs, typed-only ones do not
$a:=cs.Animal.new("Rex")
ALERT(String($a.legs))
ALERT($a.sound)
ALERT(JSON Stringify($a))
