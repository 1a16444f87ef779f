// QUERY BY FORMULA, QUERY SELECTION BY FORMULA (with a query destination) and ORDER BY FORMULA (several keys, > and <): the formula is evaluated once per record (docs: query-by-formula, query-selection-by-formula, order-by-formula)
fill
QUERY BY FORMULA([Employee]; ([Employee]Salary>2000) & ([Employee]Active=True))
ORDER BY([Employee]; [Employee]Name; >)
ALERT(String(Records in selection([Employee]))+" "+[Employee]Name+" "+String(OK))
ALL RECORDS([Employee])
QUERY([Employee]; [Employee]CompanyID=1; |; [Employee]CompanyID=2)
QUERY SELECTION BY FORMULA([Employee]; Length([Employee]Name)=3)
ALERT(String(Records in selection([Employee])))
ALL RECORDS([Employee])
var $n : Integer
SET QUERY DESTINATION(Into variable; $n)
QUERY BY FORMULA([Employee]; Position("e"; [Employee]Name)>0)
SET QUERY DESTINATION(Into current selection)
ALERT("count "+String($n)+" selection "+String(Records in selection([Employee])))
ALL RECORDS([Employee])
ORDER BY FORMULA([Employee]; Length([Employee]Name); <; [Employee]Name; >)
var $names : Text
While (Not(End selection([Employee])))
	$names:=$names+[Employee]Name+" "
	NEXT RECORD([Employee])
End while
ALERT($names)
