// helper: returns a greeting
#DECLARE($name : Text) : Text
return "Hello "+$name
