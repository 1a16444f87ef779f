// ORDA classes: functions of cs.DataStore, cs.Employee, cs.EmployeeEntity, cs.EmployeeSelection
ofill
ALERT(String(ds.headcount()))
ALERT(String(ds.Employee.rich(5000).length))
ALERT(String(ds.Employee.all().payroll())+" "+String(ds.Employee.rich(5000).payroll()))
var $e : cs.EmployeeEntity
$e:=ds.Employee.get(2)
ALERT(String($e.raise(10).success)+" "+String(ds.Employee.get(2).Salary))
ALERT(String(OB Instance of($e; cs.EmployeeEntity))+" "+String(OB Instance of($e; 4D.Entity))+" "+OB Class($e).name)
ALERT(String(OB Instance of(ds.Employee.all(); cs.EmployeeSelection))+" "+String(OB Instance of(ds.Company.all(); cs.EmployeeSelection)))
