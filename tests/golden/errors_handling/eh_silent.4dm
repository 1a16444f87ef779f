// helper: an empty error handler
