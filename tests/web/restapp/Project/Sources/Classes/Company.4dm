Class extends DataClass

exposed Function inCity($city : Text) : cs.CompanySelection
	return This.query("City = :1"; $city)

Function hidden() : Text
	return "secret"
