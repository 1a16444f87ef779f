// helper: appends to the array a pointer points to
C_POINTER($1)
C_TEXT($2)
APPEND TO ARRAY($1->; $2)
