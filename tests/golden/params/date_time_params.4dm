// Date and Time arguments and a Date result
var $d : Date
$d:=prm_next_day(!2024-02-28!; ?10:30:00?)
ALERT(String($d))
