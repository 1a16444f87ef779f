// names with spaces for locals and interprocess variables (4D allows spaces inside names:
// docs Concepts/identifiers): `$_l_Records in selection`, `<>MIR_t _NextTimeIntervalMode`
C_LONGINT($_l_Records in selection)
$_l_Records in selection:=5
ALERT(String($_l_Records in selection+1))
C_TEXT(<>MIR_t _NextTimeIntervalMode)
<>MIR_t _NextTimeIntervalMode:="x"
ALERT(<>MIR_t _NextTimeIntervalMode)
