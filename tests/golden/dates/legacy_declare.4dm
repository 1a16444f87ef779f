// C_DATE variables and dates passed around in legacy style
C_DATE($due; $paid)
$due:=!2024-06-30!
$paid:=!2024-07-04!
ALERT("late by "+String($paid-$due)+" days")
ALERT(String($paid>$due))
