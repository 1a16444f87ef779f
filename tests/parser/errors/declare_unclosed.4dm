#DECLARE($a : Text
