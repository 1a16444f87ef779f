// GET MEMORY STATISTICS(1; names; values; counts) (get-memory-statistics.md) fills three arrays
// of the same size; the values are numbers
ARRAY TEXT($names; 0)
ARRAY REAL($values; 0)
ARRAY REAL($counts; 0)
GET MEMORY STATISTICS(1; $names; $values; $counts)
ALERT(String(Size of array($names)>0))
ALERT(String(Size of array($names)=Size of array($values))+" "+String(Size of array($values)=Size of array($counts)))
ALERT(String(Find in array($names; "Physical memory size")>0))
ALERT(String($values{Find in array($names; "Physical memory size")}>0))
