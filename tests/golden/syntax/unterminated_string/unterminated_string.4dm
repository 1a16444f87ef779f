// An unterminated text literal is a syntax error on its line
ALERT("never runs")
ALERT("no end quote)
ALERT("x")
