// Times compare chronologically
ALERT(String(?10:00:00?>?09:59:59?))
ALERT(String(?10:00:00?<=?10:00:00?))
ALERT(String(?10:00:00?#?10:00:01?))
ALERT(String(?00:00:00?<?00:00:01?))
