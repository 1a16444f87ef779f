// CALL WORKER (doc: creates the worker if needed; messages run in order in the worker process,
// whose process variables persist); KILL WORKER ends it
CALL WORKER("w1"; "prc_worker_job"; "a")
CALL WORKER("w1"; "prc_worker_job"; "b")
ALERT("posted, w1 is "+String(Process number("w1")))
DELAY PROCESS(Current process; 1)
CALL WORKER("w1"; "prc_worker_job"; "end")
CALL WORKER("w1"; Formula(prc_log("formula")))
