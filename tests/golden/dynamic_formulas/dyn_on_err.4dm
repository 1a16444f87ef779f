// helper: the error handler of dyn_syntax_error_try
ALERT("handler "+String(Error))
