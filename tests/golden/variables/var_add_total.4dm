// helper: adds its parameter to the process variable gTotal
#DECLARE($n : Integer)
gTotal:=gTotal+$n
