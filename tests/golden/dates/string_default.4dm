// String(date) without format gives MM/DD/YYYY (fourd decision); the null date gives 00/00/0000
var $d : Date:=!2023-09-12!
ALERT(String($d))
ALERT(String(!2024-01-31!))
ALERT(String(!2000-02-29!))
ALERT(String(!00-00-00!))
