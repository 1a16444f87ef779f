// A Time may exceed 24 hours; String keeps counting hours (as Time string(86401) gives "24:00:01")
ALERT(String(?20:00:00?+?10:00:00?))
ALERT(String(?99:59:59?+?00:00:01?))
