// .query() with the @ wildcard (doc: "@" matches any characters with = and #), # and !=
var $c : Collection
$c:=[{name: "Smith"}; {name: "Jones"}; {name: "smithers"}; {name: "Adams"}]
ALERT($c.query("name = :1"; "smith@").extract("name").join(","))
ALERT($c.query("name = '@s'").extract("name").join(","))
ALERT($c.query("name # 'smith@'").extract("name").join(","))
ALERT(String($c.query("name != :1"; "Jones").length))
ALERT(String($c.query("name === 'smith@'").length))
