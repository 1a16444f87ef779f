// helper, never called: typ_label is assigned a local (a type the pass cannot tell) and a text
C_TEXT($1)
typ_label:=$1
typ_label:="set"
