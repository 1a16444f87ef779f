// A syntax error (End if without If): nothing runs, exit 65
ALERT("never runs")
var $x : Integer
End if
ALERT("never")
