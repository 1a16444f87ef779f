// a formula passed as a parameter
ALERT(String(fml_apply_twice(Formula($1*3); 2)))
