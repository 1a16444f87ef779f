#DECLARE(...) : Collection
return Copy parameters
