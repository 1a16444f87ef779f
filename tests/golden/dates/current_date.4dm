// Current date is a Date after 2000 (no clock-dependent output)
ALERT(String(Year of(Current date)>2000))
ALERT(String(Current date>!2020-01-01!))
ALERT(String(Value type(Current date)=Is date))
