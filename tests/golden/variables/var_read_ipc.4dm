// helper: prints and changes the interprocess variable <>gName
ALERT("reads "+<>gName)
<>gName:="changed"
