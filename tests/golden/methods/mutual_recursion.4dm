// Two methods calling each other
ALERT(String(mth_is_even(10)))
ALERT(String(mth_is_odd(7)))
ALERT(String(mth_is_even(3)))
