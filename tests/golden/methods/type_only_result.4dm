// #DECLARE with a type-only result and return expr
ALERT(String(mth_add(1; 2)))
ALERT(String(mth_add(0.5; 0.25)))
ALERT(String(mth_add(1; 2)*mth_add(2; 3)))
