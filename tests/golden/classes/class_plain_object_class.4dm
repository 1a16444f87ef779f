// a plain object's class is 4D.Object
ALERT(OB Class({}).name)
ALERT(String(OB Instance of(New object; 4D.Object)))
