// docs/commands/copy-parameters.md: the parameters received, as a new collection, from
// startFrom (default 1); an empty collection when there are fewer.
ALERT(JSON Stringify(env_params_helper("a"; 2; True)))
ALERT(JSON Stringify(env_params_from_two("a"; 2; True)))
ALERT(JSON Stringify(env_params_helper))
