// Time literals ?HH:MM:SS?, with a one-digit hour; String(time) is HH:MM:SS
ALERT(String(?12:30:00?))
ALERT(String(?8:05:30?))
ALERT(String(?00:00:00?))
ALERT(String(?23:59:59?))
ALERT(String(Value type(?01:00:00?)=Is time))
