// Older exports put a space between a method name and its parenthesis
var $r : Real
$r:=tok_double (21)
ALERT:C41(String:C10($r))
ALERT:C41(String:C10(tok_double (tok_double (1))))
