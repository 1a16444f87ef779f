// day number null (docs/commands-legacy or docs/commands: day-number.md: the null date returns 2)
var $d : Date
ALERT(String(Day number($d)))
