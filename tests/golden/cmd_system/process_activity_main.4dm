// Get process activity (process-activity.md): {sessions; processes}; a headless run has no
// sessions; the running process is listed with its number and name
var $a : Object
var $p : Object
$a:=Get process activity
ALERT(String($a.sessions.length))
$p:=$a.processes.query("number = :1"; Current process)[0]
ALERT($p.name=Current process name)
ALERT(String(OB Is defined(Get process activity(Processes only); "sessions")))
ALERT(String(OB Is defined(Get process activity(Sessions only); "processes")))
