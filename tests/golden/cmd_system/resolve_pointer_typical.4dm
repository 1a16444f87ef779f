// resolve pointer typical (docs/commands-legacy or docs/commands: resolve-pointer.md: variable, array, element, nil)
ARRAY TEXT(rpArr;3)
C_TEXT(rpVar)
var $name : Text
var $t; $f : Integer
RESOLVE POINTER(->rpVar;$name;$t;$f)
ALERT($name+" "+String($t)+" "+String($f))
RESOLVE POINTER(->rpArr{2};$name;$t;$f)
ALERT($name+" "+String($t)+" "+String($f))
var $nil : Pointer
RESOLVE POINTER($nil;$name;$t;$f)
ALERT("["+$name+"] "+String($t)+" "+String($f))
