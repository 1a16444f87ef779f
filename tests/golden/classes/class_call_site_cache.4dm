// One call site `$o.who()` run many times over instances of a base class, a subclass that
// redefines the function and one that inherits it, after its cache is filled: each call
// takes its object's class's function. Then an own property `who` added to an instance
// (a formula) shadows the class function at the same site, and removing it brings the
// class function back; a property removed from This after the site was cached reads
// as undefined.
var $all : Collection
var $o : Object
var $i : Integer
var $t : Text
$all:=New collection(cs.IcBase.new(1); cs.IcBase.new(2); cs.IcOver.new(3); cs.IcSame.new(4); cs.IcBase.new(5))
For ($i; 1; 2)
	For each ($o; $all)
		$t:=$t+$o.who()+"; "
	End for each
End for
ALERT($t)
$o:=$all[1]
For ($i; 1; 3)
	Case of
		: ($i=2)
			$o.who:=Formula("own "+String(This.n))
		: ($i=3)
			OB REMOVE($o; "who")
	End case
	ALERT($o.who())
End for
OB REMOVE($o; "n")
ALERT($o.who())
$o.n:=7
ALERT($o.who())
