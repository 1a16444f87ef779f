Class extends EntitySelection

exposed Function payroll() : Real
	return This.sum("Salary")
