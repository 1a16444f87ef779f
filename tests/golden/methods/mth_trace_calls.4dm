// helper: prints its argument before and after calling mth_hello
#DECLARE($label : Text)
ALERT($label+" before")
mth_hello
ALERT($label+" after")
