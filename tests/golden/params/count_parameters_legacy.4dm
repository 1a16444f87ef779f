// Count parameters gives the number of arguments actually passed
ALERT(String(prm_count))
ALERT(String(prm_count(1)))
ALERT(String(prm_count(1; "a"; True)))
