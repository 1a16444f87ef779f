$x:=Length:C16
:C12
