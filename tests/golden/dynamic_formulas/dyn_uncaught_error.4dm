// an error raised by a computed EXECUTE FORMULA text stops the run, located at the EXECUTE FORMULA line
ALERT("before")
$t:="throw(77; \"boom in text\")"
EXECUTE FORMULA($t)
ALERT("after")
