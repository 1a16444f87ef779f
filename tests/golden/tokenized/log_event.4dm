// LOG EVENT with the tokenized constant Into system standard outputs:K38:9 (its value is 6, not 9)
LOG EVENT:C667(Into system standard outputs:K38:9; "tok")
LOG EVENT:C667(Into system standard outputs:K38:9; "en\n")
ALERT:C41(String:C10(Into system standard outputs:K38:9))
