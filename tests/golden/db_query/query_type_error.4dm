fill
QUERY([Employee]; [Employee]Salary="a lot")
