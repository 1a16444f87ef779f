// The class of sieve_class (written the way the Drag Race's sieve_KB class is).
Class constructor
	This.rawbits:=Null
	This.sieveSize:=0

Function init($limit : Integer)
	This.sieveSize:=$limit
	This.rawbits:=New collection().resize(This.sieveSize+1; True)
	This.rawbits[0]:=False
	This.rawbits[1]:=False
	For ($i; 4; This.sieveSize; 2)
		This.rawbits[$i]:=False
	End for

Function runSieve($n : Integer)->$nPrimes : Integer
	var $factor; $i : Integer
	var $q : Real
	This.init($n)
	$factor:=3
	$q:=Square root(This.sieveSize)
	While ($factor<$q)
		If (Bool(This.rawbits[$factor]))
			For ($i; $factor*2; This.sieveSize; $factor)
				This.rawbits[$i]:=False
			End for
		End if
		$factor:=$factor+2
	End while
	$nPrimes:=This.countPrimes()

Function countPrimes->$n : Integer
	$n:=This.rawbits.countValues(True)
