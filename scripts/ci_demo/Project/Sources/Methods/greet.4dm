// a project method the golden cases of tests/ call
#DECLARE($name : Text) : Text
return "Hello, "+$name+"!"
