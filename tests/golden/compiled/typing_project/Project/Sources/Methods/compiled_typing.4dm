// Compiled-mode typing (docs "Interpreted and compiled modes", "Compiler"): process and
// interprocess variables declared anywhere in the project, even in a method nothing
// calls, or typed by inference from their assignments, start every process at the empty
// value of their type; arrays start empty.
ALERT("["+typ_title+"] "+String(Length(typ_title)))
ALERT(String(typ_count+1))
ALERT(String(<>typ_ready))
ALERT(String(typ_settings=Null))
ALERT(String(typ_when=!00-00-00!))
ALERT(String(Size of array(typ_names)))
APPEND TO ARRAY(typ_names; "a")
ALERT(String(Size of array(typ_names))+" "+typ_names{1})
ALERT(String(Size of array(<>typ_ids)))
ALERT(String(Type(typ_grid)))
typ_bump
typ_bump
ALERT(String(typ_hits))
ALERT(String(Type(typ_title))+" "+String(Type(typ_count))+" "+String(Type(typ_hits)))
// an assignment of unknown type (typ_label:=$1) does not stop the text ones from typing it
ALERT("["+typ_label+"] "+String(Type(typ_label)))
