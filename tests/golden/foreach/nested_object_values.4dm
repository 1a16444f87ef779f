// For each over keys, reading nested values by bracket access
var $scores : Object:={ann: {math: 12; art: 15}; bob: {math: 9; art: 11}}
var $name : Text
For each ($name; $scores)
	ALERT($name+": "+String($scores[$name].math+$scores[$name]["art"]))
End for each
