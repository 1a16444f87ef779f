// Recursive fib(32) through a project method with #DECLARE (bench_fib.4dm).
ALERT(String(bench_fib(32)))
