// APPEND TO ARRAY adds an element at the end
ARRAY TEXT($t; 0)
ALERT(String(Size of array($t)))
APPEND TO ARRAY($t; "x")
APPEND TO ARRAY($t; "y")
ALERT(String(Size of array($t))+" "+$t{1}+$t{2})
ARRAY REAL($r; 1)
APPEND TO ARRAY($r; 2.5)
ALERT(String($r{1})+" "+String($r{2}))
