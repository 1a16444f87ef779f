// METHOD GET PATHS (method-get-paths.md): paths by kind (added constants combine kinds);
// database methods are [databaseMethod]/name, classes [class]/Name; a folder of folders.json
// restricts the list to its methods (and its sub-folders')
ARRAY TEXT($p; 0)
METHOD GET PATHS(Path database method; $p)
ALERT(String(Size of array($p))+" "+$p{1})
METHOD GET PATHS(Path class; $p)
ALERT(String(Size of array($p))+" "+$p{1})
METHOD GET PATHS(Path class+Path database method; $p)
ALERT(String(Size of array($p)))
METHOD GET PATHS("dsg_tools"; Path project method; $p)
ALERT(String(Size of array($p))+" "+$p{1}+" "+$p{2})
METHOD GET PATHS(Path all objects; $p)
ALERT(String(Find in array($p; "dsg_helper_b")>0)+" "+String(Find in array($p; "[class]/DsgPerson")>0))
