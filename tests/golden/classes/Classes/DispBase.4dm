// A base class without computed properties (stores into This.val are plain)
Class constructor($v : Integer)
	This.val:=$v

Function setVal($v : Integer)
	This.val:=$v

Function describe() : Text
	return "base "+String(This.val)
