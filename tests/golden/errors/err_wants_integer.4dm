// helper: declares an Integer parameter
#DECLARE($n : Integer)
ALERT("never printed")
