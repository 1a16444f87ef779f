// Line continuation, comments, pragmas, CRLF-free trailing blanks.
//%W-533.1
$msg:="first part "+\
	"second part"
$x:=Substring($t; \
	1; 2)
/* a block comment /* nested */ still comment */
$y:=1  // trailing comment
// ALERT("commented";\
   "continued comment")
If (True)  
End if   
Begin SQL
	SELECT * FROM t WHERE a='x' INTO :$v;
End SQL
