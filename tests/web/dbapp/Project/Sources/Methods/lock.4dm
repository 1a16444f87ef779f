//%attributes = {"publishedWeb":true}
READ WRITE([Company])
ALL RECORDS([Company])
LOAD RECORD([Company])
WEB SEND TEXT(String(Records in selection([Company]))+" "+String(Locked([Company])))
