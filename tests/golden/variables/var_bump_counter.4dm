// helper: increments the process variable vCounter
vCounter:=vCounter+1
