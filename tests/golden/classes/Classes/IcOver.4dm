// Redefines who() of IcBase (inline-cache cases).
Class extends IcBase

Function who()->$r : Text
	$r:="over "+String(This.n)+" / "+Super.who()
