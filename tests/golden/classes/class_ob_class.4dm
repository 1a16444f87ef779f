// OB Class returns the class object
$d:=cs.Dog.new("Rex"; "lab")
ALERT(OB Class($d).name)
ALERT(String(OB Class($d)=cs.Dog))
