// helper of tags_loop: a 4DLOOP method (docs: called with 0, then 1, 2... while True)
#DECLARE($n : Integer) -> $more : Boolean
If ($n=0)
	vTgLog:="init;"
	$more:=True
Else
	vTgItem:=$n*10
	$more:=$n<=3
End if
