#DECLARE($url : Text; $http : Text; $ipBrowser : Text; $ipServer : Text; $user : Text; $pw : Text)->$ok : Boolean
$ok:=($url#"/private@")
