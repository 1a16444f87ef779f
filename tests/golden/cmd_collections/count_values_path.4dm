// count values path (docs/commands-legacy or docs/commands: CollectionClass.md .countValues(): property path; objects by reference)
$o:={a:1}
ALERT(String([{n:5};{n:6};{n:5}].countValues(5;"n")))
ALERT(String([$o;$o;{a:1}].countValues($o)))
