// Text literals: the escapes \n \t \" \\ \r and upper-case escape letters
ALERT("say \"hi\"")
ALERT("C:\\temp\\new")
ALERT("one\ntwo")
ALERT("x\Ny")
ALERT("tab code="+String(Character code(Substring("a\tb"; 2; 1))))
ALERT("len="+String(Length("\r\n")))
ALERT("empty len="+String(Length("")))
