// Texts and numbers are joined with String(); labels are common in output
var $sum : Real:=2.5*2
ALERT("sum="+String($sum))
ALERT("half="+String($sum/2))
ALERT("n="+String(-3)+";")
