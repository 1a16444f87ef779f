// Semaphore with tickCount waits for another process to clear it; without it, returns True at once
New process("prc_sem_holder"; 0; "holder")
DELAY PROCESS(Current process; 1)
ALERT("try: "+String(Semaphore("res")))
ALERT("wait: "+String(Semaphore("res"; 300)))
ALERT("owned: "+String(Test semaphore("res")))
CLEAR SEMAPHORE("res")
