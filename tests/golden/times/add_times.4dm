// Time + Time gives a Time
ALERT(String(?12:30:00?+?01:45:00?))
ALERT(String(Value type(?12:30:00?+?01:45:00?)=Is time))
ALERT(String(?00:00:59?+?00:00:01?))
