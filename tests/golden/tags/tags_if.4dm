// 4DIF / 4DELSEIF / 4DELSE / 4DENDIF, nested (docs: 4DIF section)
vName:="Ann"
$t:="<!--#4DIF (vName#\"\")-->Names starting with <!--#4DTEXT vName-->.<!--#4DELSE-->No name has been found.<!--#4DENDIF-->"
PROCESS 4D TAGS($t; $out)
ALERT($out)
vName:=""
PROCESS 4D TAGS($t; $out)
ALERT($out)
$t:="<!--#4DIF $1=1-->one<!--#4DELSEIF $1=2-->two<!--#4DELSEIF $1=3-->three<!--#4DELSE-->many<!--#4DENDIF-->"
For ($i; 1; 4)
	PROCESS 4D TAGS($t; $out; $i)
	ALERT($out)
End for
// nesting
$t:="<!--#4DIF $1>0-->pos<!--#4DIF $1>10-->,big<!--#4DELSE-->,small<!--#4DENDIF--><!--#4DELSE-->neg<!--#4DENDIF-->!"
PROCESS 4D TAGS($t; $out; 5)
ALERT($out)
PROCESS 4D TAGS($t; $out; 50)
ALERT($out)
PROCESS 4D TAGS($t; $out; -1)
ALERT($out)
// not a Boolean / 4DENDIF missing (docs: the error text replaces the contents)
PROCESS 4D TAGS("a<!--#4DIF 3-->b<!--#4DENDIF-->c"; $out)
ALERT($out)
PROCESS 4D TAGS("a<!--#4DIF True-->b"; $out)
ALERT($out)
