// Get database parameter (get-database-parameter.md): User param value (108) gives the text of
// --user-param in stringValue ("" without one) and 0 as result; Is current database a project
// (112) is 1; SET DATABASE PARAMETER changes a settable selector, not a read-only one
var $t : Text
var $r : Real
$t:="untouched"
$r:=Get database parameter(User param value; $t)
ALERT(String($r)+" ["+$t+"]")
ALERT(String(Get database parameter(Is current database a project)))
ALERT(String(Get database parameter(Debug log recording)))
SET DATABASE PARAMETER(Debug log recording; 1)
ALERT(String(Get database parameter(Debug log recording)))
SET DATABASE PARAMETER(Is current database a project; 0)
ALERT(String(Get database parameter(Is current database a project)))
SET DATABASE PARAMETER(Log command list; "277;341")
$r:=Get database parameter(Log command list; $t)
ALERT($t)
