// a tokenized name (`Name:Cn`) is one name whatever its words: it resolves by number
GET MEMORY STATISTICS:C1118(1; $names; $values; $counts)
Get something unknown:C1277($x)
