// folder list typical (docs/commands-legacy or docs/commands: folder-list.md / create-folder.md: nested folders created, sorted names)
$dir:=Temporary folder+"fourd_fl_"+Generate UUID+"/"
CREATE FOLDER($dir+"b/inner")
CREATE FOLDER($dir+"a")
ARRAY TEXT($f;0)
FOLDER LIST($dir;$f)
ALERT(String(Size of array($f))+" "+$f{1}+" "+$f{2})
DELETE FOLDER($dir;Delete with contents)
