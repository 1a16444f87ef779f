// METHOD Get path (method-get-path.md): the path of a design object from its kind and name
ALERT(METHOD Get path(Path project method; "dsg_helper_a"))
ALERT(METHOD Get path(Path database method; "onStartup"))
ALERT(METHOD Get path(Path class; "DsgPerson"))
ALERT(METHOD Get path(Path project form; "Input"))
ALERT(METHOD Get path(Path project form; "Input"; "ok_button"))
