//%attributes = {"publishedWeb":true}
READ WRITE([Company])
ALL RECORDS([Company])
LOAD RECORD([Company])
WEB SEND TEXT(String(Locked([Company])))
UNLOAD RECORD([Company])
