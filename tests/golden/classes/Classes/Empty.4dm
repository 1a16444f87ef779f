// a class with nothing in it
