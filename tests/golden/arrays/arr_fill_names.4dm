// helper: appends two elements to the process array atNames
APPEND TO ARRAY(atNames; "n"+String(Size of array(atNames)+1))
APPEND TO ARRAY(atNames; "n"+String(Size of array(atNames)+1))
