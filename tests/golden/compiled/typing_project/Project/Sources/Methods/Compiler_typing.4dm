// Declarations of process and interprocess variables, in a method nothing calls
// (the usual Compiler_ method of a compiled 4D project).
C_TEXT(typ_title)
C_LONGINT(typ_count)
C_BOOLEAN(<>typ_ready)
C_OBJECT(typ_settings)
C_DATE(typ_when)
ARRAY TEXT(typ_names; 0)
ARRAY LONGINT(<>typ_ids; 0)
ARRAY REAL(typ_grid; 0; 0)
