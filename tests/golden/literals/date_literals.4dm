// Date literals !YYYY-MM-DD! and the null date !00-00-00!; String(date) is MM/DD/YYYY
ALERT(String(!2024-01-31!))
ALERT(String(!1999-12-05!))
ALERT(String(!00-00-00!))
ALERT(String(Value type(!2024-01-31!)=Is date))
