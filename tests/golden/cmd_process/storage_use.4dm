// Storage and Use...End use (doc: shared objects are modified inside Use; Storage is shared by
// every process)
Use (Storage)
	Storage.counter:=New shared object("value"; 0)
End use
New process("prc_modify"; 0; "s1"; Storage.counter)
New process("prc_modify"; 0; "s2"; Storage.counter)
DELAY PROCESS(Current process; 2)
ALERT(String(Storage.counter.value)+" "+String(Storage.counter.n))
ALERT(String(OB Is shared(Storage))+" "+String(OB Is shared(Storage.counter))+" "+String(OB Is shared(New object)))
