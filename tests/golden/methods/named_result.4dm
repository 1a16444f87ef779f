// #DECLARE with a named result (-> $result : Real)
ALERT(String(mth_square(3)))
ALERT(String(mth_square(1.5)))
ALERT(String(mth_square(-4)))
