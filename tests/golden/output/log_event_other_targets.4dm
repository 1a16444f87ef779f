// LOG EVENT without Into system standard outputs writes nothing to stdout
// [AMBIGUOUS] choice: the Windows event log (default) and the 4D logs are not stdout in a headless run.
LOG EVENT("to the default target")
LOG EVENT(Into 4D debug message; "debug")
ALERT("only this")
