// A project's own constants (Resources/*.xlf, x-4DK# XLIFF: value:S text, :L longint,
// :R real) are known by name like 4D's.
ALERT(AppktGreeting+"["+AppktBlank+"]")
ALERT(String(AppknRetries+1)+" "+String(Type(AppknRetries)))
ALERT(String(AppkrRate*2))
ALERT(String(Length(AppktCR))+" "+String(Character code(AppktCR)))
ALERT(String(AppknNone))
