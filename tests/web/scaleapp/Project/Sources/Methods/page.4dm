//%attributes = {"publishedWeb":true}
// The benchmark page: reads one record by an indexed query.
READ ONLY([Item])
QUERY([Item]; [Item]Name="Bench")
WEB SEND TEXT(<>instance+" "+[Item]Name+" "+String([Item]ID))
