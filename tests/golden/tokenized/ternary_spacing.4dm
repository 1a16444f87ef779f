// The ternary operator next to tokens: a space after ":" keeps it apart from token suffixes
var $t : Text:="long text"
ALERT:C41((Length:C16($t)>3) ? "long" : "short")
ALERT:C41((Length:C16($t)>30) ? "long" : "short")
