// BOOLEAN and DATE arrays store their own types
ARRAY BOOLEAN($flags; 2)
ARRAY DATE($days; 2)
$flags{2}:=True
$days{1}:=!2024-05-06!
$days{2}:=$days{1}+30
ALERT(String($flags{1})+" "+String($flags{2}))
ALERT(String($days{2}))
