// ob get typed (docs/commands-legacy or docs/commands: ob-get.md: the type parameter converts the value)
$o:={n:"12.5";d:"2023-11-27";b:1;t:3600}
ALERT(String(OB Get($o;"n";Is real)+1))
ALERT(String(OB Get($o;"d";Is date);ISO date))
ALERT(String(OB Get($o;"b";Is boolean)))
ALERT(String(OB Get($o;"t";Is time)))
ALERT(String(Value type(OB Get($o;"missing";Is text))))
