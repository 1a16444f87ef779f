// Time - Time gives a Time
ALERT(String(?10:00:00?-?09:30:00?))
ALERT(String(Value type(?10:00:00?-?09:30:00?)=Is time))
ALERT(String(?12:00:00?-?11:59:59?))
