// System info (system-info.md) and its old name Get system info: an object describing the
// machine: counts are positive numbers, texts are texts, collections are collections
var $s : Object
$s:=System info
ALERT(String($s.cores>0)+" "+String($s.cpuThreads>=$s.cores))
ALERT(String($s.physicalMemory>0))
ALERT(String(Value type($s.osVersion)=Is text)+" "+String(Value type($s.machineName)=Is text)+" "+String(Value type($s.accountName)=Is text))
ALERT(String(Value type($s.volumes)=Is collection)+" "+String(Value type($s.networkInterfaces)=Is collection))
ALERT(String($s.macRosetta))
ALERT(String(Value type($s.uptime)=Is real))
ALERT(String(Get system info.cores=$s.cores))
