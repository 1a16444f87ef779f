singleton Class constructor()
	This.created:=Num(This.created)+1
	This.value:="default"
