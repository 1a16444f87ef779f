// Re-declaring an array resizes it and keeps existing elements; size 0 empties it
ARRAY LONGINT($n; 3)
$n{1}:=1
$n{2}:=2
$n{3}:=3
ARRAY LONGINT($n; 5)
ALERT(String(Size of array($n))+": "+String($n{1})+String($n{2})+String($n{3})+String($n{4})+String($n{5}))
ARRAY LONGINT($n; 2)
ALERT(String(Size of array($n))+": "+String($n{1})+String($n{2}))
ARRAY LONGINT($n; 0)
ALERT(String(Size of array($n)))
