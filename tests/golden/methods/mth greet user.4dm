// helper: a project method whose name contains spaces
#DECLARE($who : Text) -> $greeting : Text
$greeting:="Hi, "+$who+"!"
