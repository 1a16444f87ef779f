// class object properties: name, superclass up to 4D.Object
ALERT(cs.Puppy.name)
ALERT(cs.Puppy.superclass.name)
ALERT(cs.Puppy.superclass.superclass.name)
ALERT(cs.Puppy.superclass.superclass.superclass.name)
ALERT(String(cs.Puppy.superclass.superclass.superclass.superclass=Null))
