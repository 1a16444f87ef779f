// Recursion 500 levels deep works (well below the "Stack full" limit)
ALERT(String(mth_sum_to(500)))
