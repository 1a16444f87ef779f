// local and interprocess variable names with spaces
C_LONGINT($_l_Records in selection)
$_l_Records in selection:=$_l_Records in selection+1
<>MIR_t _NextTimeIntervalMode:="x"
ALERT(<>MIR_t _NextTimeIntervalMode+String($_l_Records in selection))
