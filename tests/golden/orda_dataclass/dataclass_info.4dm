// ds and its dataclasses: attributes from the catalog (storage, relatedEntity, relatedEntities), getInfo()
ofill
var $k : Text
var $t : Text
For each ($k; ds)
	$t:=$t+$k+" "
End for each
ALERT($t)
$t:=""
For each ($k; ds.Employee)
	$t:=$t+$k+":"+ds.Employee[$k].kind+" "
End for each
ALERT($t)
ALERT(ds.Employee.Salary.type+" "+String(ds.Employee.Salary.indexed)+" "+String(ds.Employee.Salary.fieldNumber))
ALERT(ds.Employee.Hired.type+" "+ds.Employee.Info.type+" "+ds.Employee.Active.type+" "+ds.Employee.ID.type)
ALERT(ds.Employee.company.relatedDataClass+" "+ds.Company.employees.type)
ALERT(JSON Stringify(ds.Company.getInfo()))
ALERT(JSON Stringify(ds.getInfo()))
ALERT(String(ds=ds)+" "+String(OB Instance of(ds; 4D.DataStore))+" "+String(OB Instance of(ds.Company; 4D.DataClass)))
ALERT(String(ds.Employee.getCount()))
