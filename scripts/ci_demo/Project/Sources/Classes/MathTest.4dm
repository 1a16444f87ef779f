// Tests of arithmetic; every function whose name starts with test_ is a test.
property assert : cs.Assert

Class constructor($assert : cs.Assert)
	This.assert:=$assert

Function test_addition()
	This.assert.equal(1+2; 3; "1+2")

Function test_left_to_right()
	// 4D evaluates operators left to right: 3+4*5 is 35
	This.assert.equal(3+4*5; 35; "3+4*5")

Function helper_not_a_test()
	This.assert.equal(1; 0; "helper must not run")
