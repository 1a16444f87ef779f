// BLOB to text past the end of the blob, in a format with a length prefix the bytes left cannot hold, gives "" (it stopped fourd with an internal error: found in real code)
var $b : Blob
var $off : Integer
ALERT("["+BLOB to text($b; Mac Pascal string)+"]")
TEXT TO BLOB("ab"; $b; Mac Pascal string)
$off:=3
ALERT("["+BLOB to text($b; Mac Pascal string; $off)+"] "+String($off))
ALERT("["+BLOB to text($b; Mac text with length; $off)+"] ["+BLOB to text($b; UTF8 text with length; $off)+"]")
$off:=0
ALERT("["+BLOB to text($b; Mac Pascal string; $off)+"] "+String($off))
