// Super.fn() in an overriding function, two classes
$p:=cs.Point3D.new(1; 2; 3)
ALERT($p.toString())
ALERT($p.plus(cs.Point.new(1; 1)).toString())
