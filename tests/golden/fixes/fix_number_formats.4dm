// String(number; format): 4D rounds the displayed number half away from zero, and other
// characters between placeholders (here spaces) are shown where they stand when digits stand
// on their left (docs FormObjects/propertiesDisplay "Number format", commands/string.md).
ALERT(String(2.5; "##0"))
ALERT(String(3.5; "##0"))
ALERT(String(-2.5; "##0"))
ALERT(String(0.125; "0.00"))
ALERT(String(1234567; "# ### ##0"))
ALERT(String(4567; "# ### ##0"))
ALERT(String(7; "# ### ##0"))
ALERT(String(1234567.891; "###,###,##0.00"))
