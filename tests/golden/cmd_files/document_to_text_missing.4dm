// document to text missing (docs/commands-legacy or docs/commands: document-to-text.md: a missing document is an error)
$t:=Document to text(Temporary folder+"fourd_no_such_doc_"+Generate UUID+".txt")
ALERT("not reached")
