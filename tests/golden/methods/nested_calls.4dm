// Method calls nest inside arguments and expressions
ALERT(String(mth_add(mth_square(3); 1)))
ALERT(String(mth_square(mth_add(1; 1))+1))
ALERT(String(mth_fact(mth_add(2; 1))))
