// Dates: 300,000 dates from Add to date, read with Day number, Month of, Day of, Year of,
// and date differences.
C_DATE($d; $base)
C_LONGINT($i; $sum)
$base:=!2000-01-01!
For ($i; 1; 300000)
	$d:=Add to date($base; 0; $i%12; $i%3000)
	$sum:=$sum+Day number($d)+Month of($d)+Day of($d)+(Year of($d)-2000)+(($d-$base)%7)
End for
ALERT(String($sum))
