// Function set: assigning the computed property calls the setter
$t:=cs.Temperature.new(0)
$t.fahrenheit:=212
ALERT(String($t.celsius))
ALERT(String($t.fahrenheit))
