// += on a computed property reads the getter and calls the setter
$t:=cs.Temperature.new(0)
$t.fahrenheit+=18
ALERT(String($t.celsius))
