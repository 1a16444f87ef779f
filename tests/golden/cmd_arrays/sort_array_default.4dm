// sort array default (docs/commands-legacy or docs/commands: sort-array.md: ascending when no order is given; dates)
ARRAY DATE($d;3)
$d{1}:=!2020-05-01!
$d{2}:=!2019-01-01!
$d{3}:=!2021-12-31!
SORT ARRAY($d)
ALERT(String($d{1};ISO date)+" "+String($d{3};ISO date))
ARRAY BOOLEAN($b;2)
$b{1}:=True
SORT ARRAY($b)
ALERT(String($b{1})+" "+String($b{2}))
