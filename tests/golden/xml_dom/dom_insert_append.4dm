// DOM Insert XML element and DOM Append XML element (dom-insert-xml-element.md example): copies
// of elements of another tree, inserted before a child index (invalid index: first)
var $rootRef; $newStruct; $bookRef; $newElementRef; $out; $v : Text
$xml:="<BookCatalog><Book><Title>Open Source Web Services</Title><Date>2003</Date></Book>"
$xml:=$xml+"<Book><Title>Building XML Web services</Title><Date>2002</Date></Book></BookCatalog>"
$rootRef:=DOM Parse XML variable($xml)
$newStruct:=DOM Create XML Ref("BookCatalog")
$bookRef:=DOM Find XML element($rootRef; "/BookCatalog/Book[1]")
$newElementRef:=DOM Append XML element($newStruct; $bookRef)
$bookRef:=DOM Find XML element($rootRef; "/BookCatalog/Book[2]")
$newElementRef:=DOM Insert XML element($newStruct; $bookRef; 1)
ALERT("OK="+String(OK)+" "+String(Num($newElementRef#$bookRef)))
DOM EXPORT TO VAR($newStruct; $out)
ALERT($out)
$bookRef:=DOM Find XML element($newStruct; "Book[2]/Date")
$newElementRef:=DOM Insert XML element($newStruct; $bookRef; 99)
DOM GET XML ELEMENT NAME(DOM Get first child XML element($newStruct); $v)
ALERT($v)
DOM CLOSE XML($rootRef)
ALERT(String(DOM Count XML elements($newStruct; "Book")))
DOM CLOSE XML($newStruct)
