// METHOD GET ATTRIBUTES (method-get-attributes.md): every attribute of a project method, the
// defaults overridden by its //%attributes line
var $a : Object
METHOD GET ATTRIBUTES("dsg_helper_a"; $a)
ALERT(String($a.publishedWeb)+" "+String($a.shared)+" "+$a.preemptive+" "+String($a.invisible)+" "+$a.folder)
METHOD GET ATTRIBUTES("dsg_helper_b"; $a)
ALERT(String($a.publishedWeb)+" "+String($a.shared)+" "+$a.preemptive+" "+String($a.executedOnServer)+" "+String($a.publishedSql))
