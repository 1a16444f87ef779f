For each ($x)
End for each
