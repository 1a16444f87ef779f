// Recursive legacy method using $0 and $1 (mth_fib)
ALERT(String(mth_fib(1)))
ALERT(String(mth_fib(10)))
ALERT(String(mth_fib(15)))
