// BLOB PROPERTIES: a blob fourd holds is never compressed; expanded and current sizes are its size (docs: blob-properties)
var $b : Blob
var $compressed; $expanded; $current : Integer
TEXT TO BLOB("hello"; $b; UTF8 text without length)
BLOB PROPERTIES($b; $compressed; $expanded; $current)
ALERT(String($compressed=Is not compressed)+" "+String($expanded)+" "+String($current))
