#DECLARE(... : Real) : Real
return 0
