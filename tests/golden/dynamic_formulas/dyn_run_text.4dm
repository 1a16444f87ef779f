// helper: runs its parameter with EXECUTE FORMULA
#DECLARE($code : Text)
EXECUTE FORMULA($code)
