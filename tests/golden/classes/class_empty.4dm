// an empty class file still makes a class
$e:=cs.Empty.new()
ALERT(JSON Stringify($e))
ALERT(OB Class($e).name)
