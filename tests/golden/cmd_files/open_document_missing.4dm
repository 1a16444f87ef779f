// open document missing (docs/commands-legacy or docs/commands: open-document.md: a missing document is error -43 and OK=0)
$ref:=Open document(Temporary folder+"fourd_missing_"+Generate UUID+".txt";"";Read mode)
ALERT("not reached")
