// Two consecutive @ never match
ALERT(String("abcfg"="abc@@fg"))
ALERT(String("abcXYfg"="abc@@fg"))
ALERT(String("abcXYfg"="abc@fg"))
