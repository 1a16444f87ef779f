// helper: legacy sequential parameters with C_TEXT
C_TEXT($0; $1; $2)
$0:=$1+"-"+$2
