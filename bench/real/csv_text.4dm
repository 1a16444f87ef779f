// CSV-style text processing over ~2 MB: 50,000 CRLF lines read with Position(...; start)
// and Substring, fields with Split string and Num, a case-insensitive Position per line,
// occurrences counted with Position(...; start), then Replace string over the whole text.
C_LONGINT($i; $start; $pos; $sum; $count; $lines; $occ)
C_TEXT($csv; $line; $csv2; $csv3)
C_COLLECTION($rows; $fields)
$rows:=New collection
For ($i; 1; 50000)
	$rows.push(String($i)+";customer "+String($i%977)+";City"+String($i%31)+";"+String(($i*37)%1000)+";note")
End for
$csv:=$rows.join(Char(Carriage return)+Char(Line feed))+Char(Carriage return)+Char(Line feed)
$start:=1
$pos:=Position(Char(Line feed); $csv; $start)
While ($pos>0)
	$line:=Substring($csv; $start; $pos-$start-1)
	$fields:=Split string($line; ";")
	$sum:=$sum+Num($fields[3])
	If (Position("city1"; $fields[2])=1)
		$count:=$count+1
	End if
	$lines:=$lines+1
	$start:=$pos+1
	$pos:=Position(Char(Line feed); $csv; $start)
End while
$start:=1
$pos:=Position("CUSTOMER 12"; $csv; $start)
While ($pos>0)
	$occ:=$occ+1
	$start:=$pos+1
	$pos:=Position("CUSTOMER 12"; $csv; $start)
End while
$csv2:=Replace string($csv; Char(Carriage return)+Char(Line feed); Char(Line feed))
$csv3:=Replace string($csv2; ";"; ",")
ALERT(String($lines)+" "+String($sum)+" "+String($count)+" "+String($occ)+" "+String(Length($csv2))+" "+String(Length($csv3)))
