// Tests of text functions.
property assert : cs.Assert

Class constructor($assert : cs.Assert)
	This.assert:=$assert

Function test_uppercase()
	This.assert.equal(Uppercase("abc"); "ABC"; "Uppercase")

Function test_length()
	This.assert.equal(Length("hello"); 5; "Length")
