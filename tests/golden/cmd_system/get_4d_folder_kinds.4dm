// Get 4D folder (get-4d-folder.md): every folder ends with a separator; Data folder is the data
// file's folder, with Logs and MobileApps inside it; HTML Root folder is WebFolder beside the
// structure; Licenses is inside the active 4D folder; an unknown folder gives "" and OK=0
var $sep : Text
$sep:=Folder separator
ALERT(String(Get 4D folder(Data folder)=(Get 4D folder(Database folder)+"Data"+$sep)))
ALERT(String(Get 4D folder(Logs folder)=(Get 4D folder(Data folder)+"Logs"+$sep)))
ALERT(String(Get 4D folder(MobileApps folder)=(Get 4D folder(Data folder)+"MobileApps"+$sep)))
ALERT(String(Get 4D folder(HTML Root folder)=(Get 4D folder(Database folder)+"WebFolder"+$sep)))
ALERT(String(Get 4D folder(Licenses folder)=(Get 4D folder(Active 4D Folder)+"Licenses"+$sep)))
ALERT("["+Get 4D folder(99)+"] "+String(OK))
