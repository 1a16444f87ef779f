// Semaphore (doc: returns False when it sets the semaphore, True if it already exists; False
// also when already set by the same process), Test semaphore, CLEAR SEMAPHORE
ALERT(String(Semaphore("s1")))
ALERT(String(Semaphore("s1")))
ALERT(String(Test semaphore("s1")))
CLEAR SEMAPHORE("s1")
ALERT(String(Test semaphore("s1")))
ALERT(String(Test semaphore("never")))
CLEAR SEMAPHORE("never")
