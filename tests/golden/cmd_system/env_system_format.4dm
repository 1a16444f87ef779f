// docs/commands/get-system-format.md, with fourd's English (US) system; User in group with no
// users and groups (the Designer is in every group); Trigger event outside a trigger is 0.
var $t : Text
GET SYSTEM FORMAT(Decimal separator; $t)
ALERT($t)
GET SYSTEM FORMAT(Thousand separator; $t)
ALERT($t)
GET SYSTEM FORMAT(Date separator; $t)
ALERT($t)
ALERT(String(User in group(Current user; "Administrator")))
ALERT(String(Trigger event))
