// A long computed line
ALERT("="*60)
ALERT(String(Length("="*60)))
