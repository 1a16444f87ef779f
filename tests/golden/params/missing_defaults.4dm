// Missing trailing arguments get the default value of their declared type
prm_defaults("x")
prm_defaults("x"; 5)
prm_defaults("x"; 5; True; !2024-01-02!)
