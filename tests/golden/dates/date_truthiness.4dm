// The null date is falsy for || and &&; other dates are truthy
var $d : Date
ALERT($d || "no date")
ALERT(String(!2024-01-01! || "no date"))
ALERT(!2024-01-01! && "has date")
