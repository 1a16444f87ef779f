// Count parameters counts passed arguments, not declared parameters
ALERT(String(prm_count_declared("a"; 2)))
ALERT(String(prm_count_declared("a")))
ALERT(String(prm_count_declared("a"; 2; True)))
