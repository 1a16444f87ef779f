// helper: fills a process array, records in Storage, then waits
ARRAY TEXT(prcArr; 2)
prcArr{1}:="x"
prcArr{2}:="y"
Use (Storage)
	Storage.seen:=New shared collection(Current process name)
End use
DELAY PROCESS(Current process; 60)
