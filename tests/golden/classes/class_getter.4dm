// Function get: a computed property read without parentheses
$t:=cs.Temperature.new(100)
ALERT(String($t.fahrenheit))
