// Application version (application-version.md): 4 characters (version, R, revision); with * 8
// characters, the first "F" for a final version, the last four the short version; buildNum is
// an Integer out parameter
var $build : Integer
var $short; $long : Text
$build:=-1
$short:=Application version($build)
$long:=Application version($build; *)
ALERT(String(Length($short))+" "+String(Length($long)))
ALERT($long[[1]]+" "+String(Substring($long; 5)=$short))
ALERT(String($build>=0))
