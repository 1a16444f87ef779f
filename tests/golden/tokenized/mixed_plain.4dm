// Tokenized and plain names mix in one file
var $t : Text:="mixed"
ALERT(String:C10(Length($t)))
ALERT:C41(String(Length:C16($t)*2))
ALERT(Uppercase:C13($t))
