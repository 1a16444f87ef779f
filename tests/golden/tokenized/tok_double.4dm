// helper: doubles its parameter (tokenized legacy style)
C_REAL:C285($0; $1)
$0:=$1*2
