// An undefined argument becomes the empty value of the typed parameter
var $o : Object:={}
prm_show_typed($o.missing; $o.other)
