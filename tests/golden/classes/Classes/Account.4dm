property balance : Real:=0

Function deposit($n : Real)
	This.balance+=$n

Function withdraw($n : Real)
	If ($n>This.balance)
		throw(100; "Insufficient funds")
	End if
	This.balance-=$n
