// date cmd invalid (docs/commands-legacy or docs/commands: date.md: invalid text or undefined gives the null date; 2-digit years)
ALERT(String(Date("hello")))
ALERT(String(Date("2023-02-30")))
var $o : Object
$o:={}
ALERT(String(Date($o.missing)))
ALERT(String(Year of(Date("1/2/25"))))
ALERT(String(Year of(Date("1/2/85"))))
