#DECLARE($word : Text) : Text
return $word+" "+This.name
