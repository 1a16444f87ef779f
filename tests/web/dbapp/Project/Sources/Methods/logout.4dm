//%attributes = {"publishedWeb":true}
WEB LEGACY CLOSE SESSION(WEB Get current session ID)
WEB SEND TEXT("bye")
