// Else outside any If or Case of is a syntax error
ALERT("never runs")
Else
ALERT("x")
