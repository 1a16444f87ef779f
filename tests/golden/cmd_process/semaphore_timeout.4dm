// Semaphore with a short tickCount gives up (True) while the holder keeps it
New process("prc_sem_holder"; 0; "holder")
DELAY PROCESS(Current process; 1)
ALERT("wait: "+String(Semaphore("res"; 1)))
