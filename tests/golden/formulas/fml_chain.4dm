// helper: returns Call chain
return Call chain
