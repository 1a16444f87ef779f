$x:=1
Begin SQL
  SELECT 1;
