// .query(): and/or/not, & and |, parentheses, in with a collection, property paths
var $c : Collection
$c:=[{id: 1; city: {name: "Paris"}; tags: 3}; {id: 2; city: {name: "Lyon"}; tags: 1}; {id: 3; city: {name: "Nice"}; tags: 5}; {id: 4; tags: 2}]
ALERT($c.query("city.name = :1 or city.name = :2"; "paris"; "nice").extract("id").join(","))
ALERT($c.query("city.name in :1"; ["Lyon"; "Nice"]).extract("id").join(","))
ALERT($c.query("not (tags > 2)").extract("id").join(","))
ALERT($c.query("(tags > 1 & tags < 5) | id = 2").extract("id").join(","))
ALERT($c.query("city.name = null").extract("id").join(","))
ALERT($c.query("city.name # null").extract("id").join(","))
