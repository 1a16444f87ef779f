Class extends Entity

exposed Function headcount() : Integer
	return This.employees.length
