// A process array is shared with the methods of the process (arr_fill_names appends to atNames)
ARRAY TEXT(atNames; 0)
arr_fill_names
arr_fill_names
ALERT(String(Size of array(atNames))+" "+atNames{1}+" "+atNames{3})
