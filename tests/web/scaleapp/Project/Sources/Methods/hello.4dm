//%attributes = {"publishedWeb":true}
// The instance and this session's request count (a process variable).
vCount:=vCount+1
WEB SEND TEXT(<>instance+" "+String(vCount))
