// helper: recursion without a base case
#DECLARE($n : Integer)
err_runaway($n+1)
