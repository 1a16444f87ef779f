// .reduceRight goes from the end
$c:=["a"; "b"; "c"]
ALERT($c.reduceRight(Formula($1.accumulator:=$1.accumulator+$1.value); ""))
