// Variadic #DECLARE(... : Real)
ALERT(String(prm_sum_variadic(1; 2; 3)))
ALERT(String(prm_sum_variadic))
ALERT(String(prm_sum_variadic(10)))
