// Current time is a Time within a day (no clock-dependent output)
ALERT(String(Current time>=?00:00:00?))
ALERT(String(Current time<?24:00:00?))
ALERT(String(Value type(Current time)=Is time))
