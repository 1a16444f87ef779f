// On Startup of the design test project (not run by the cases)
