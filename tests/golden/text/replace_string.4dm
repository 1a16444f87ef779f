// Replace string: all or howMany occurrences; case/accent-insensitive unless *
ALERT(Replace string("aaa"; "a"; "b"))
ALERT(Replace string("aaa"; "a"; "b"; 2))
ALERT(Replace string("Shout"; "o"; ""))
ALERT(Replace string("Crème brûlée"; "Brulee"; "caramel"))
ALERT(Replace string("Crème brûlée"; "Brulee"; "caramel"; *))
ALERT(Replace string("abc"; ""; "x"))
ALERT(Replace string("Hello"; "L"; "_"))
