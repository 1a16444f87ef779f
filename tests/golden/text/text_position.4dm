// Position is case-insensitive by default; * compares character codes; @ is literal
ALERT(String(Position("lo"; "Hello")))
ALERT(String(Position("x"; "Hello")))
ALERT(String(Position("L"; "Hello")))
ALERT(String(Position("l"; "Hello"; 4)))
ALERT(String(Position("L"; "Hello"; *)))
ALERT(String(Position("@"; "a@b")))
ALERT(String(Position("é"; "cafe")))
