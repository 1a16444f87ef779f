// ARRAY INTEGER elements hold small integers
ARRAY INTEGER($i; 3)
$i{1}:=5
$i{2}:=$i{1}*2
$i{3}:=-7
ALERT(String($i{1}+$i{2}+$i{3}))
