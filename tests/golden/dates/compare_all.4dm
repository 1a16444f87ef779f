// The six comparison operators on dates
var $a : Date:=!2024-05-01!
var $b : Date:=!2024-05-02!
ALERT(String($a<$b)+" "+String($a<=$b)+" "+String($a>$b)+" "+String($a>=$b)+" "+String($a=$b)+" "+String($a#$b))
ALERT(String($b<=$b)+" "+String($b>=$b))
