// 4DEVAL runs statements and inserts an expression's value (docs: 4DEVAL example, "43")
$input:="<!--#4DEVAL a:=42-->"
$input:=$input+"<!--#4DEVAL a+1-->"
PROCESS 4D TAGS($input; $output)
ALERT($output)
// the $4DEVAL form with matching quotes and parentheses (docs example: 1"(hello)")
input:="$4DEVAL( String(1)+\"\\\"(hello)\\\"\")"
PROCESS 4D TAGS(input; output)
ALERT(output)
// the <!--#4DEVAL(...)--> form without a space
PROCESS 4D TAGS("<!--#4DEVAL(\"x\"+\"y\")-->"; $output)
ALERT($output)
