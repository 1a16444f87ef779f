// Data file (data-file.md): a script without a data file keeps its records in memory: ""
ALERT("["+Data file+"]")
