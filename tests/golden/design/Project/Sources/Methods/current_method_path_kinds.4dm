// Current method path (current-method-path.md): a project method's path is its name; a class
// function's is [class]/Class/function [choice]
ALERT(Current method path)
ALERT(dsg_helper_a)
ALERT(cs.DsgPerson.new().where())
