ALERT("a" "b")
