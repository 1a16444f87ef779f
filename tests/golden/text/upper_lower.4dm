// Uppercase/Lowercase remove accents unless * is passed
ALERT(Uppercase("hello"))
ALERT(Lowercase("ABC Def"))
ALERT(Uppercase("hélène"))
ALERT(Uppercase("hélène"; *))
ALERT(Lowercase("ÉTÉ"))
ALERT(Lowercase("ÉTÉ"; *))
