// Application info (application-info.md): an object; a fourd run is headless, standalone
// (no portID/TLSEnabled), not a service; pid, uptime and cpuUsage are numbers
var $i : Object
$i:=Application info
ALERT(String($i.headless))
ALERT(String($i.launchedAsService))
ALERT(String(Value type($i.pid)=Is real)+" "+String($i.pid>0))
ALERT(String(Value type($i.uptime)=Is real)+" "+String($i.uptime>=0))
ALERT(String(Value type($i.cpuUsage)=Is real))
ALERT($i.volumeShadowCopyStatus)
ALERT(String(OB Is defined($i; "portID"))+" "+String(OB Is defined($i; "TLSEnabled")))
