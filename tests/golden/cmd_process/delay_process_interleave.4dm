// DELAY PROCESS (doc: delays the execution of a process for a number of ticks): two processes
// interleave at their delays; fourd run waits for them after the main method ends
New process("prc_counter"; 0; "A"; "a"; 3)
New process("prc_counter"; 0; "B"; "b"; 3)
ALERT("main done")
