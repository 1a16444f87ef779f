// getters over a collection property
$s:=cs.Stack.new()
$s.push(1).push(2).push(3)
ALERT(String($s.size)+" "+String($s.top))
ALERT(String($s.pop())+" "+String($s.size))
