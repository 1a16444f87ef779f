// Interprocess variables <>name are visible from every method
<>gName:="shared"
var_read_ipc
ALERT("after="+<>gName)
