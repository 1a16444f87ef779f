// A declared Date variable defaults to the null date
var $d : Date
ALERT(String($d))
ALERT(String($d=!00-00-00!))
C_DATE($d2)
ALERT(String($d2))
ALERT(String(Type($d)=Is date))
