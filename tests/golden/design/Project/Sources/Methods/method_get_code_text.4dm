// METHOD GET CODE (method-get-code.md): the code of a method, headed by its //%attributes line
// (added, with "lang", when the file has none); arrays of paths give arrays of codes; an
// unknown path is an error and leaves the code empty
var $code : Text
METHOD GET CODE("dsg_helper_b"; $code)
ALERT($code)
METHOD GET CODE("[class]/DsgPerson"; $code)
ALERT(String(Position("Function where()"; $code)>0))
ARRAY TEXT($paths; 2)
ARRAY TEXT($codes; 0)
$paths{1}:="dsg_helper_a"
$paths{2}:="[databaseMethod]/onStartup"
METHOD GET CODE($paths; $codes)
ALERT(String(Size of array($codes))+" "+String($codes{1}="//%attributes = {\"publishedWeb\"@")+" "+String(Position("On Startup"; $codes{2})>0))
$code:="x"
Try
	METHOD GET CODE("no_such_method"; $code)
End try
ALERT("["+$code+"] "+String(Last errors.length))
