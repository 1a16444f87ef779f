// 4DLOOP [table] loops on the current selection, fields read in 4DTEXT (docs: 4DLOOP [table]);
// an unknown table gives "Incorrect table name"
tgdb_fill
QUERY([Company]; [Company]City="Paris")
ORDER BY([Company]; [Company]Name; >)
PROCESS 4D TAGS("<ul><!--#4DLOOP [Company]--><li><!--#4DTEXT [Company]Name--> (<!--#4DTEXT [Company]City-->)</li><!--#4DENDLOOP--></ul>"; $out)
ALERT($out)
ALL RECORDS([Employee])
ORDER BY([Employee]; [Employee]Name; >)
PROCESS 4D TAGS("<!--#4DLOOP [Employee]--><!--#4DIF ([Employee]CompanyID=1)--><!--#4DTEXT [Employee]Name-->;<!--#4DENDIF--><!--#4DENDLOOP-->"; $out)
ALERT($out)
PROCESS 4D TAGS("<!--#4DLOOP [Nope]-->x<!--#4DENDLOOP-->"; $out)
ALERT($out)
