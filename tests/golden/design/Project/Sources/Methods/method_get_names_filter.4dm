// METHOD GET NAMES (method-get-names.md): the project methods' names, sorted; a filter with @
ARRAY TEXT($names; 0)
METHOD GET NAMES($names)
ALERT(String(Size of array($names)>=4)+" "+String(Find in array($names; "dsg_helper_a")>0)+" "+String(Find in array($names; "method_get_names_filter")>0))
METHOD GET NAMES($names; "dsg_@")
ALERT(String(Size of array($names))+" "+$names{1}+" "+$names{2})
