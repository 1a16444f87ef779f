Function ()
