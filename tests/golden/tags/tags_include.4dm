// 4DINCLUDE: path relative to the including document, only the <body> of a page, nested
// includes, 4DBASE, a missing file, a recursive inclusion (docs: 4DINCLUDE, 4DBASE)
// [choice] outside a project, paths start from the folder of the running method
vTitle:="Hi <you>"
PROCESS 4D TAGS("[<!--#4DINCLUDE inc/header.html-->]"; $out; "one")
ALERT($out)
PROCESS 4D TAGS("<!--#4DBASE inc/sub/--><!--#4DINCLUDE part.html-->|<!--#4DBASE WEBFOLDER--><!--#4DINCLUDE inc/sub/part.html-->"; $out; "two")
ALERT($out)
// names are matched ignoring case (4D runs on case-insensitive file systems)
PROCESS 4D TAGS("<!--#4DINCLUDE INC/Sub/PART.html-->"; $out; "three")
ALERT($out)
PROCESS 4D TAGS("<!--#4DINCLUDE nope.html-->"; $out)
ALERT($out)
PROCESS 4D TAGS("<!--#4DINCLUDE inc/self.html-->"; $out)
ALERT($out)
// an include in a loop sees the loop's variables
PROCESS 4D TAGS("<!--#4DEACH $1 in $2--><!--#4DINCLUDE inc/sub/part.html--><!--#4DENDEACH-->"; $out; ""; ["a"; "b"])
ALERT($out)
