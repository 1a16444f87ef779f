// docs File.getAppInfo(): fourd reads no .exe/.plist version data: an empty object
var $o : Object
$o:=File(Application file; fk platform path).getAppInfo()
ALERT(String(OB Is empty($o)))
