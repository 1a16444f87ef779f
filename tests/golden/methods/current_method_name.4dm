// Current method name gives the name of the running method (the file name without .4dm)
ALERT(Current method name)
ALERT(mth_my_name)
ALERT(Current method name)
