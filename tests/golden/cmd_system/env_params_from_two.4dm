#DECLARE(...) : Collection
return Copy parameters(2)
