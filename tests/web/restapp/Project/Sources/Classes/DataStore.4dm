Class extends DataStore

exposed Function hello($who : Text) : Text
	return "hello "+$who
