// An unknown escape such as \d keeps its backslash
// [AMBIGUOUS in LANGUAGE.md §2.5 / §15.5] choice: the backslash is kept, as the docs only ask to
// double a backslash before an escape letter (versioned_docs/version-20/Concepts/dt_string.md).
var $t : Text:="a\db"
ALERT($t)
ALERT(String(Length($t)))
