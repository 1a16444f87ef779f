//%attributes = {"publishedWeb":true}
#DECLARE($rest : Text)
ARRAY TEXT($names; 0)
ARRAY TEXT($values; 0)
WEB GET VARIABLES($names; $values)
var $out : Text
var $i : Integer
For ($i; 1; Size of array($names))
	$out:=$out+$names{$i}+"="+$values{$i}+";"
End for
var $body : Text
WEB GET HTTP BODY($body)
ARRAY TEXT($hn; 0)
ARRAY TEXT($hv; 0)
WEB GET HTTP HEADER($hn; $hv)
$out:=$out+"|"+$hv{1}+" "+$hv{2}+"|"+$rest+"|"+String(WEB Get body part count)
WEB SET HTTP HEADER("X-Echo: yes")
WEB SEND TEXT($out; "text/plain")
