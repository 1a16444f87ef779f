// ${n} reaches parameters by number
ALERT(String(prm_sum_all(1; 2; 3; 4)))
ALERT(String(prm_sum_all))
ALERT(String(prm_sum_all(0.5; 0.25)))
