// helper (no .out): tries to load record $1 read-write in a classic way
#DECLARE($id : Integer)
QUERY([Employee]; [Employee]ID=$id)
Use (Storage)
	Storage.iop:=New shared object("locked"; String(Locked([Employee])))
End use
