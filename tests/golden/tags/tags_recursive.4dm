// Recursive processing: the result of 4DHTML is processed again; 4DTEXT's is escaped;
// $4D... forms are never re-interpreted (docs: "Alternative syntax", examples 2 and 3)
vInner:="<!--#4DEVAL 6*7-->"
PROCESS 4D TAGS("[<!--#4DHTML vInner-->]"; $out)
ALERT($out)
myName:="<!--#4DHTML 1+1-->"
PROCESS 4D TAGS("My name is: <!--#4DTEXT myName-->"; $out)
ALERT($out)
myName:="$4DEVAL(1+1)"
PROCESS 4D TAGS("My name is: <!--#4DTEXT myName-->"; $out)
ALERT($out)
PROCESS 4D TAGS("My name is: <!--#4DHTML myName-->"; $out)
ALERT($out)
