// FizzBuzz from 1 to 20, with Case of and the modulo operator.
var $i : Integer
var $line : Text
For ($i; 1; 20)
	Case of
		: ($i%15=0)
			$line:="FizzBuzz"
		: ($i%3=0)
			$line:="Fizz"
		: ($i%5=0)
			$line:="Buzz"
		Else
			$line:=String($i)
	End case
	ALERT($line)
End for
