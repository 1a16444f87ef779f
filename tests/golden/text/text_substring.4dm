// Substring(text; first{; count}); 1-based; too long or missing count goes to the end
ALERT(Substring("08/04/62"; 4; 2))
ALERT(Substring("Emergency"; 1; 6))
ALERT(Substring("Hello"; 2))
ALERT("["+Substring("Hello"; 10)+"]")
ALERT(Substring("Hello"; 3; 100))
ALERT(Substring("Hello"; 1; 1))
