// helper (no .out): loads employee 3 read-write and keeps it
QUERY([Employee]; [Employee]ID=3)
DELAY PROCESS(Current process; 600)
