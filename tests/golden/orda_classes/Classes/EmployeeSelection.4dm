// ORDA entity selection class of Employee
Class extends EntitySelection

Function payroll() : Real
	return This.sum("Salary")
