// String(time) without format gives HH:MM:SS
ALERT(String(?12:30:00?))
ALERT(String(?8:05:30?))
ALERT(String(?00:00:00?))
ALERT(String(?23:59:59?))
