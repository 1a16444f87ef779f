// ORDA dataclass class of Employee
Class extends DataClass

Function rich($min : Real) : cs.EmployeeSelection
	return This.query("Salary >= :1"; $min)
