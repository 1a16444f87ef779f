Class extends NoSuchParent

Class constructor()
	This.x:=1
