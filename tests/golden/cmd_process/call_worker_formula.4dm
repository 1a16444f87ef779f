// CALL WORKER with a formula and parameters; a killed worker's pending messages are ignored
CALL WORKER("fw"; Formula(prc_log($1)); "one")
CALL WORKER("fw"; Formula(prc_log($1+$2)); "t"; "wo")
DELAY PROCESS(Current process; 1)
KILL WORKER("fw")
CALL WORKER(Process number("fw"); "prc_log"; "ignored")
DELAY PROCESS(Current process; 1)
ALERT(String(Process state(2)))
