// A command is found by its number when its name is localized (French names Longueur, Chaîne)
ALERT:C41(Chaîne:C10(Longueur:C16("abc")))
ALERT:C41(Chaîne:C10(42))
