// timestamp format (docs/commands-legacy or docs/commands: timestamp.md: yyyy-MM-ddTHH:mm:ss.SSSZ)
$t:=Timestamp
ALERT(String(Length($t)))
ALERT(Substring($t;5;1)+Substring($t;11;1)+Substring($t;20;1)+Substring($t;24;1))
ALERT(String(Match regex("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z";$t)))
