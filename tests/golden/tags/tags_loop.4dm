// 4DLOOP on an array, an array pointer ($2), a method and an expression (docs: 4DLOOP)
ARRAY TEXT(arr_names; 3)
arr_names{1}:="Ann"
arr_names{2}:="<Bob>"
arr_names{3}:="Cy"
PROCESS 4D TAGS("<!--#4DLOOP arr_names--><!--#4DTEXT arr_names{arr_names}-->,<!--#4DENDLOOP-->"; $out)
ALERT($out)
ALERT(String(arr_names))
// the docs' example with a pointer parameter
ARRAY TEXT($array; 2)
$array{1}:="hello"
$array{2}:="world"
$input:="<!--#4DEVAL $1-->"
$input:=$input+"<!--#4DLOOP $2-->"
$input:=$input+"<!--#4DEVAL $2->{$2->}--> "
$input:=$input+"<!--#4DENDLOOP-->"
PROCESS 4D TAGS($input; $output; "elements = "; ->$array)
ALERT($output)
// a method
PROCESS 4D TAGS("<!--#4DLOOP tg_counter--><!--#4DTEXT vTgItem--> <!--#4DENDLOOP-->"; $out)
ALERT(vTgLog+$out)
// an expression (docs: 0 1 2 3)
PROCESS 4D TAGS("<!--#4DEVAL $i:=0--><!--#4DLOOP ($i<4)--><!--#4DEVAL $i-->;<!--#4DEVAL $i:=$i+1--><!--#4DENDLOOP-->"; $out)
ALERT($out)
// nested loops on two arrays
ARRAY INTEGER(arr_a; 2)
arr_a{1}:=1
arr_a{2}:=2
PROCESS 4D TAGS("<!--#4DLOOP arr_a-->[<!--#4DLOOP arr_names--><!--#4DTEXT arr_a{arr_a}-->.<!--#4DTEXT arr_names--> <!--#4DENDLOOP-->]<!--#4DENDLOOP-->"; $out)
ALERT($out)
// errors: not a Boolean, 4DENDLOOP missing, stray 4DENDLOOP
PROCESS 4D TAGS("<!--#4DLOOP 12-->x<!--#4DENDLOOP-->"; $out)
ALERT($out)
PROCESS 4D TAGS("<!--#4DLOOP arr_names-->x"; $out)
ALERT($out)
PROCESS 4D TAGS("a<!--#4DENDLOOP-->b"; $out)
ALERT($out)
