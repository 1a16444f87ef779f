// Time * Number, Time / Number and Time \ Number give Numbers
ALERT(String(?00:01:00?*2))
ALERT(String(?00:02:00?/4))
ALERT(String(?01:00:00?\7))
ALERT(String(?00:00:03?/2))
