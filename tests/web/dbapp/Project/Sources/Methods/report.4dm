//%attributes = {"publishedWeb":true}
WEB SEND TEXT(<>closeSaw)
