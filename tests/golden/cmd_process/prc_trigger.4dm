// helper: works a little, then triggers the signal it was given
#DECLARE($signal : 4D.Signal)
DELAY PROCESS(Current process; 2)
Use ($signal)
	$signal.result:="computed"
End use
ALERT("triggering")
$signal.trigger()
