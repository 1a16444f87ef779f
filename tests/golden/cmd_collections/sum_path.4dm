// sum path (docs/commands-legacy or docs/commands: CollectionClass.md .sum()/.max()/.average() with a property path)
$c:=[{a:2};{a:3};{b:1};5]
ALERT(String($c.sum("a"))+" "+String($c.max("a"))+" "+String($c.average("a")))
ALERT(String($c.count("a")))
