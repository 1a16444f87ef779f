var $x : Nonsense
