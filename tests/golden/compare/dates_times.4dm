// Dates and times compare chronologically
ALERT(String(!2024-01-01!<!2024-01-02!))
ALERT(String(!2024-01-01!=!2024-01-01!))
ALERT(String(!2024-01-01!#!2024-01-02!))
ALERT(String(!2023-12-31!>!2024-01-01!))
ALERT(String(?10:00:00?>?09:59:59?))
ALERT(String(?10:00:00?=?10:00:00?))
