// Integers convert to text without decimals
var $i : Integer:=42
var $neg : Integer:=-7
ALERT(String($i)+" "+String($neg))
ALERT(String(MAXLONG))
ALERT(String($i/8))
