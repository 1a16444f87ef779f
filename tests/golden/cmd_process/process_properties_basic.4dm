// PROCESS PROPERTIES(process; name; state; time{; mode{; uniqueID{; origin}}}): origin is
// Main process (-1) for the main process, Worker process (5) for a worker
var $name : Text
var $state; $time; $mode; $id; $origin : Integer
PROCESS PROPERTIES(Current process; $name; $state; $time; $mode; $id; $origin)
ALERT($name+" "+String($state)+" "+String($origin))
CALL WORKER("wp"; "prc_log"; "x")
PROCESS PROPERTIES(Process number("wp"); $name; $state; $time; $mode; $id; $origin)
ALERT($name+" "+String($origin=Worker process))
PROCESS PROPERTIES(42; $name; $state; $time)
ALERT($name)
