// ob get type typical (docs/commands-legacy or docs/commands: ob-get-type.md: value types, numbers are reals)
$o:={t:"x";n:1;b:True;c:[];o:{};z:Null}
ALERT(String(OB Get type($o;"t"))+" "+String(OB Get type($o;"n"))+" "+String(OB Get type($o;"b")))
ALERT(String(OB Get type($o;"c"))+" "+String(OB Get type($o;"o"))+" "+String(OB Get type($o;"z")))
