// 4DSCRIPT/method/param (legacy 4DACTION/), a result starting with Char(1) is HTML;
// 4DCODE runs several lines (docs: 4DSCRIPT, 4DCODE)
vTgCalls:=0
PROCESS 4D TAGS("Today: <!--#4DSCRIPT/tg_meth/MYPARAM-->"; $out)
ALERT($out)
PROCESS 4D TAGS("<!--#4DSCRIPT/tg_meth/html-->|<!--4DACTION/tg_meth/x-->|<!--#4DSCRIPT/tg_meth-->"; $out)
ALERT($out)
ALERT(String(vTgCalls))
$t:="<!--#4DCODE\n// a comment\nC_OBJECT($o)\n$o:=New object\nOB SET($o;\"graphType\";1)\n$graphType:=1\r\nIf (OB Is defined($o;\"graphType\"))\n    $graphType:=OB Get($o;\"graphType\")+$1\nEnd if\n-->type $4DTEXT($graphType)"
PROCESS 4D TAGS($t; $out; 6)
ALERT($out)
