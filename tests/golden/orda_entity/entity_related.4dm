// related attributes: relatedEntity read and assigned, relatedEntities, self relation
ofill
var $e : Object
$e:=ds.Employee.get(4)
ALERT($e.company.Name+" "+$e.company.City)
ALERT(String($e.company.employees.length))
ALERT($e.manager.Name+" "+String($e.manager.directReports.length))
ALERT(String(ds.Employee.get(1).manager=Null))
// assign a related entity: the foreign key follows
$e.company:=ds.Company.get(3)
ALERT(String($e.CompanyID)+" "+$e.company.Name)
$e.save()
ALERT(String(ds.Company.get(3).employees.length))
$e.company:=Null
ALERT(String($e.CompanyID)+" "+String($e.company=Null))
// a related entity read twice is the same entity
$e:=ds.Employee.get(2)
$e.company.City:="Marseille"
ALERT(String($e.company.save().success))
ALERT(ds.Company.get(2).City)
