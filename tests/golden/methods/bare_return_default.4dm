// A bare return gives the default value of the result type ("" for Text)
ALERT("["+mth_sign_text(-1)+"]")
ALERT("["+mth_sign_text(0)+"]")
ALERT("["+mth_sign_text(8)+"]")
