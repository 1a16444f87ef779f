//%attributes = {"publishedWeb":true}
WEB SEND HTTP REDIRECT("/index.html")
