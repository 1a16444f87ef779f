// helper: installs eh_log then fails
ON ERR CALL("eh_log")
throw(9; "inside")
