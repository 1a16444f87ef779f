// A constant token's numbers are not its value: Is text:K8:3 is 2
ALERT:C41(String:C10(Is text:K8:3))
ALERT:C41(String:C10(Value type:C1509("x")=Is text:K8:3))
ALERT:C41(String:C10(True:C214))
ALERT:C41(String:C10(Not:C34(True:C214)))
