// test path name typical (docs/commands-legacy or docs/commands: test-path-name.md: 1 document, 0 folder, -43 missing)
$dir:=Temporary folder+"fourd_tpn_"+Generate UUID+"/"
CREATE FOLDER($dir)
TEXT TO DOCUMENT($dir+"a.txt";"x")
ALERT(String(Test path name($dir)))
ALERT(String(Test path name($dir+"a.txt")))
ALERT(String(Test path name($dir+"nope.txt")))
DELETE FOLDER($dir;Delete with contents)
ALERT(String(Test path name($dir)))
