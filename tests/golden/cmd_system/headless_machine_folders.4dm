// Current machine gives a text; System folder (system-folder.md) ends with a separator, Desktop
// and Documents folder are in the user's home ([choice] Linux paths); Application file is a path
ALERT(String(Value type(Current machine)=Is text))
ALERT(String(System folder="@/")+" "+System folder(System))
ALERT(String(System folder(Desktop)="@/Desktop/")+" "+String(System folder(Documents folder)="@/Documents/"))
ALERT(String(Length(Application file)>0))
