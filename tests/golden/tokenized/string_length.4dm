// Tokenized command names: Command:Cnnn behaves like the plain name
ALERT:C41(String:C10(Length:C16("abcd")))
ALERT:C41(Substring:C12("tokenized"; 1; 5))
ALERT:C41(Replace string:C233("a-b"; "-"; "+"))
