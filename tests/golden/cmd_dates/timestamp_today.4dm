// timestamp today (docs/commands-legacy or docs/commands: timestamp.md: the date part is today (UTC))
$t:=Timestamp
ALERT(String(Date(Substring($t;1;10))=Current date))
