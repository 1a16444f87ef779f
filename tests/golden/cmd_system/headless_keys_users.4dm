// Modifier-key functions are False in a headless run (no keyboard: shift-down.md,
// macintosh-option-down.md...); Current user is "Designer" without the password system
// (current-user.md); Current system user is a text
ALERT(String(Shift down)+String(Caps lock down)+String(Macintosh option down)+String(Macintosh command down))
ALERT(String(Macintosh control down)+String(Windows Ctrl down)+String(Windows Alt down))
ALERT(Current user)
ALERT(String(Value type(Current system user)=Is text))
