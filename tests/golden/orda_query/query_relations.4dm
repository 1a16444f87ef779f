// query on related attributes (relatedEntity and relatedEntities paths), object attributes
ofill
ALERT(String(ds.Employee.query("company.City = 'Paris'").length))
ALERT(String(ds.Employee.query("company.Name = :1 and Salary > 2000"; "Acme").length))
ALERT(String(ds.Company.query("employees.Salary > 4500").length))
ALERT(ds.Company.query("employees.Name = 'bob'").first().Name)
// self relation: employees managed by Ann
ALERT(String(ds.Employee.query("manager.Name = 'Ann'").length))
ALERT(String(ds.Employee.query("directReports.Name = 'Eve'").length))
// the related entity itself compared with an entity
ALERT(String(ds.Employee.query("company = :1"; ds.Company.get(2)).length))
// object attributes, [] goes through a collection
ALERT(String(ds.Employee.query("Info.age > 22").length))
ALERT(String(ds.Employee.query("Info.langs[] = 'de'").length))
ALERT(String(ds.Employee.query("Info.missing = null").length))
// null: no related entity
ALERT(String(ds.Employee.query("manager = null").length))
ALERT(String(ds.Employee.query("manager.Name = null").length))
