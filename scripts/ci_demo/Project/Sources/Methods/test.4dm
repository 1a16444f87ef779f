// The test runner (`fourd --project scripts/ci_demo --startup-method test`): finds the classes whose names end with "Test" (OB Keys(cs)),
// reads each class's code (METHOD GET CODE) to find its test_ functions, calls
// them with a fresh Assert, counts failures and prints a summary with LOG EVENT.
// Failures go to stderr; any failure ends the run with an error (exit code 70).
var $className; $code; $line; $fn; $param : Text
var $names; $lines; $tests : Collection
var $assert; $instance : Object
var $classes; $ran; $failed; $before : Integer

$names:=OB Keys(cs)
$names:=$names.sort()
For each ($className; $names)
	If ($className="@Test") & (Length($className)>4)
		$classes+=1
		METHOD GET CODE("[class]/"+$className; $code)
		$lines:=Split string($code; "\n"; sk trim spaces)
		$tests:=[]
		For each ($line; $lines)
			If ($line="Function test_@")
				$fn:=Substring($line; 10)
				If (Position("("; $fn)>0)
					$fn:=Substring($fn; 1; Position("("; $fn)-1)
				End if
				$tests.push($fn)
			End if
		End for each
		For each ($fn; $tests)
			$assert:=cs.Assert.new()
			$instance:=cs[$className].new($assert)
			Formula from string("This."+$fn+"()").call($instance)
			$ran+=1
			If ($assert.failures.length>0)
				$failed+=1
				LOG EVENT(Into system standard outputs; "FAIL "+$className+"."+$fn+": "+$assert.failures.join("; ")+"\n"; Error message)
			Else
				LOG EVENT(Into system standard outputs; "ok   "+$className+"."+$fn+"\n")
			End if
		End for each
	End if
End for each
$before:=Get database parameter(User param value; $param)
LOG EVENT(Into system standard outputs; String($classes)+" classes, "+String($ran)+" tests, "+String($failed)+" failed"+Choose($param=""; ""; " ("+$param+")")+"\n")
If ($failed>0)
	throw(1; String($failed)+" of "+String($ran)+" tests failed")
End if
