// ORDA entity class of the Employee dataclass (docs/ORDA/ordaClasses.md)
Class extends Entity

exposed Alias companyName company.Name
Alias bossName manager.Name

exposed Function get label() : Text
	return This.Name+" ("+String(This.Salary)+")"

Function set label($v : Text)
	This.Name:=Substring($v; 1; Position(" ("; $v+" (")-1)

Function query label($event : Object) : Text
	return "Name "+$event.operator+" '"+$event.value+"'"

Function orderBy label($event : Object) : Text
	return "Salary "+$event.operator

Function get yearly() : Real
	return This.Salary*12

Function query yearly($event : Object) : Object
	return New object("query"; "Salary "+$event.operator+" :1"; "parameters"; New collection($event.value/12))

Function raise($pct : Real) : Object
	This.Salary:=This.Salary*(1+($pct/100))
	return This.save()
