// ORDA datastore class
Class extends DataStore

Function headcount() : Integer
	return This.Employee.getCount()
