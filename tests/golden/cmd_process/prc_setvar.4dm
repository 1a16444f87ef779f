// helper: sets process variables of its own process, then waits
prcVar:="set in "+Current process name
DELAY PROCESS(Current process; 60)
