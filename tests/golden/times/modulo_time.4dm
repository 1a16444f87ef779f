// Time % Time gives a Time; Time % Number gives a Number
ALERT(String((?23:00:00?+?02:30:00?)%?24:00:00?))
ALERT(String(?01:00:10?%60))
ALERT(String(Value type(?01:00:10?%60)=Is real))
