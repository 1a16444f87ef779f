// WEB Server: a 4D.WebServer object (docs: WebServerClass.md), WEB Server list, WEB Get server
// info, and the request commands outside a request (Session is Null, no secured connection)
$s:=WEB Server
ALERT(String($s.isRunning)+" "+String($s.HTTPPort)+" "+String($s.HTTPSPort)+" "+String($s.HTTPSEnabled))
ALERT(String(Value type($s.start)=Is object)+" "+String(WEB Server list.length))
$i:=WEB Get server info
ALERT(String($i.started)+" "+String($i.options.webPortID)+" "+String($i.options.webHTTPSPortID))
WEB SET OPTION(Web port ID; 8123)
ALERT(String(WEB Server.HTTPPort))
ALERT(String(Session=Null)+" "+String(WEB Is secured connection))
