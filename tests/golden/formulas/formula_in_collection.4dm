// formulas stored in a collection, called through .call
$ops:=[Formula($1+$2); Formula($1*$2)]
ALERT(String($ops[0].call(Null; 3; 4))+" "+String($ops[1].call(Null; 3; 4)))
