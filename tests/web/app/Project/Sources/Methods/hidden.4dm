// not published: /4DACTION/hidden is refused
WEB SEND TEXT("should not run")
