// Arguments beyond the declared ones are reachable through ${n}
prm_first_and_rest("a"; 2; "three")
prm_first_and_rest("only")
