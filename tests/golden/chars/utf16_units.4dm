// Characters are UTF-16 code units: an emoji outside the BMP counts as 2
// [INFERRED in LANGUAGE.md §3.1 / §15.9] choice: Length counts UTF-16 units, as Character code
// returns 1..65535 (versioned_docs/version-21/commands-legacy/character-code.md).
var $e : Text:="😀"
ALERT(String(Length($e)))
ALERT(String(Character code($e)))
ALERT(String(Length("é")))
ALERT(String(Length("a😀b")))
