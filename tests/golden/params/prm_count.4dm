// helper: legacy method returning Count parameters
C_LONGINT($0)
$0:=Count parameters
