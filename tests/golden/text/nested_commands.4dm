// Text commands compose
var $name : Text:="  world "
ALERT(Uppercase(Substring("hello"; 1; 1))+Substring("hello"; 2))
ALERT(String(Length(Replace string($name; " "; ""))))
ALERT(Substring("abcdef"; Position("c"; "abcdef"); 2))
