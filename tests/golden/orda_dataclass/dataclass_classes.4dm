// the ORDA classes exist without class files: cs.DataStore, cs.Company, cs.CompanyEntity, cs.CompanySelection
ofill
ALERT(OB Class(ds).name+" "+OB Class(ds.Company).name+" "+OB Class(ds.Company.get(1)).name+" "+OB Class(ds.Company.all()).name)
ALERT(String(OB Instance of(ds.Company.get(1); cs.CompanyEntity))+" "+String(OB Instance of(ds.Company.get(1); 4D.Entity))+" "+String(OB Instance of(ds.Company.get(1); cs.EmployeeEntity)))
ALERT(cs.CompanyEntity.superclass.name+" "+cs.EmployeeSelection.superclass.name+" "+cs.DataStore.superclass.name)
