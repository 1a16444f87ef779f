// INTEGER/LONGINT/REAL TO BLOB and back in each byte order and real format, with * (append) and an offset variable; COPY BLOB, INSERT IN BLOB, DELETE FROM BLOB (docs pages of each command)
var $b : Blob
var $off : Integer
INTEGER TO BLOB(258; $b; Macintosh byte ordering)
ALERT(String(BLOB size($b))+" "+String($b{0})+" "+String($b{1}))
INTEGER TO BLOB(258; $b; PC byte ordering)
ALERT(String(BLOB size($b))+" "+String($b{0})+" "+String($b{1}))
LONGINT TO BLOB(-2; $b; Macintosh byte ordering; *)
ALERT(String(BLOB size($b))+" "+String($b{2})+" "+String($b{5}))
$off:=2
ALERT(String(BLOB to longint($b; Macintosh byte ordering; $off))+" "+String($off))
$off:=0
ALERT(String(BLOB to integer($b; PC byte ordering; $off))+" "+String($off))
ALERT(String(BLOB to integer($b; Macintosh byte ordering)))
REAL TO BLOB(2.5; $b; Macintosh double real format)
ALERT(String(BLOB size($b))+" "+String($b{0})+" "+String(BLOB to real($b; Macintosh double real format)))
REAL TO BLOB(-0.75; $b; PC double real format)
ALERT(String(BLOB size($b))+" "+String($b{7})+" "+String(BLOB to real($b; PC double real format)))
REAL TO BLOB(1; $b; Extended real format)
ALERT(String(BLOB size($b))+" "+String($b{0})+" "+String($b{1})+" "+String($b{2})+" "+String(BLOB to real($b; Extended real format)))
$off:=20
ALERT(String(BLOB to longint($b; Native byte ordering; $off))+" "+String($off))
$off:=4
LONGINT TO BLOB(7; $b; PC byte ordering; $off)
ALERT(String(BLOB size($b))+" "+String($b{4})+" "+String($off))
var $src; $dst : Blob
TEXT TO BLOB("abcdef"; $src; UTF8 text without length)
TEXT TO BLOB("XY"; $dst; UTF8 text without length)
COPY BLOB($src; $dst; 2; 1; 3)
ALERT(BLOB to text($dst; UTF8 text without length))
INSERT IN BLOB($dst; 1; 2; 45)
ALERT(BLOB to text($dst; UTF8 text without length))
DELETE FROM BLOB($dst; 0; 3)
ALERT(BLOB to text($dst; UTF8 text without length))
