//! The REST server (`/rest/...`, docs/REST): the catalog, dataclasses,
//! entities by key, $filter/$orderby/$top/$skip/$attributes, entity sets,
//! exposed functions, and the access rules (hide_in_REST, `exposed`).

mod webutil;

use serde_json::Value as J;
use webutil::{Browser, Server};

fn get(s: &Server, path: &str) -> (u16, J) {
    let r = Browser::new("4DSID_restapp").get(s, path);
    let j = serde_json::from_str(&r.text()).unwrap_or(J::Null);
    (r.status, j)
}

fn post(s: &Server, path: &str, body: &str) -> (u16, J) {
    let r = Browser::new("4DSID_restapp").request(
        s,
        "POST",
        path,
        &[("Content-Type", "application/json")],
        body.as_bytes(),
    );
    let j = serde_json::from_str(&r.text()).unwrap_or(J::Null);
    (r.status, j)
}

fn names(j: &J, attr: &str) -> Vec<String> {
    j["__ENTITIES"]
        .as_array()
        .map(|a| {
            a.iter()
                .map(|e| e[attr].as_str().unwrap_or("?").to_string())
                .collect()
        })
        .unwrap_or_default()
}

#[test]
fn rest_catalog_dataclasses_and_entities() {
    let s = Server::start_fixture("tests/web/restapp", "", 1.0);
    let (st, cat) = get(&s, "/rest/$catalog");
    assert_eq!(st, 200);
    let dcs: Vec<&str> = cat["dataClasses"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["name"].as_str().unwrap())
        .collect();
    assert_eq!(dcs, ["Company", "Employee"]);
    assert_eq!(cat["dataClasses"][0]["dataURI"], "/rest/Company");

    // the dataclass description: attributes, the key; Info is hidden in REST
    let (_, emp) = get(&s, "/rest/$catalog/Employee");
    let attrs: Vec<&str> = emp["attributes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["name"].as_str().unwrap())
        .collect();
    assert!(attrs.contains(&"Salary") && attrs.contains(&"company"));
    assert!(!attrs.contains(&"Info"), "{:?}", attrs);
    assert_eq!(emp["key"][0]["name"], "ID");

    // all entities, then one by key
    let (_, all) = get(&s, "/rest/Company");
    assert_eq!(all["__COUNT"], 3);
    assert_eq!(names(&all, "Name"), ["Acme", "Globex", "Initech"]);
    let (st, one) = get(&s, "/rest/Company(2)");
    assert_eq!(st, 200);
    assert_eq!(one["Name"], "Globex");
    assert_eq!(one["__KEY"], "2");
    assert_eq!(one["__STAMP"], 1);
    assert!(one["employees"]["__deferred"]["uri"]
        .as_str()
        .unwrap()
        .starts_with("/rest/Company(2)/employees"));
    let (_, e) = get(&s, "/rest/Employee(5)");
    assert_eq!(e["company"]["__deferred"]["__KEY"], "2");
    assert!(e.get("Info").is_none());
    let (st, _) = get(&s, "/rest/Company(99)");
    assert_eq!(st, 404);
    let (st, err) = get(&s, "/rest/Nope");
    assert_eq!(st, 404);
    assert!(err["__ERROR"][0]["message"].as_str().is_some());
}

#[test]
fn rest_filter_order_paging_attributes_and_entity_sets() {
    let s = Server::start_fixture("tests/web/restapp", "", 1.0);
    let (_, j) = get(
        &s,
        "/rest/Employee?$filter=%22Salary%3E2500%22&$orderby=%22Salary%20desc%22",
    );
    assert_eq!(j["__COUNT"], 4);
    assert_eq!(names(&j, "Name"), ["émile", "Eve", "Dan", "Cécile"]);
    let (_, j) = get(
        &s,
        "/rest/Employee?$filter=%22company.City='Paris'%22&$orderby=%22Name%22&$top=2&$skip=1",
    );
    assert_eq!(j["__COUNT"], 4);
    assert_eq!(j["__SENT"], 2);
    assert_eq!(names(&j, "Name"), ["Cécile", "Dan"]);
    let (_, j) = get(&s, "/rest/Employee(1)?$attributes=Name,Salary");
    assert_eq!(j["Name"], "Ann");
    assert!(j.get("Hired").is_none());
    let (st, _) = get(&s, "/rest/Employee?$filter=%22Nope=1%22");
    assert_eq!(st, 400);
    // an entity set, read back
    let (_, j) = get(
        &s,
        "/rest/Employee?$filter=%22Active=true%22&$method=entityset",
    );
    let uri = j["__ENTITYSET"].as_str().unwrap().to_string();
    assert!(uri.starts_with("/rest/Employee/$entityset/"));
    let (_, back) = get(&s, &uri);
    assert_eq!(back["__COUNT"], 3);
    // an exposed function of the selection class, on the entity set
    let (st, r) = post(&s, &format!("{}/payroll", uri), "[]");
    assert_eq!(st, 200);
    assert_eq!(r["result"], 9000.0);
}

#[test]
fn rest_calls_only_exposed_functions() {
    let s = Server::start_fixture("tests/web/restapp", "", 1.0);
    let (st, r) = post(&s, "/rest/$catalog/hello", "[\"REST\"]");
    assert_eq!(st, 200);
    assert_eq!(r["result"], "hello REST");
    let (st, r) = post(&s, "/rest/Company/inCity", "[\"Paris\"]");
    assert_eq!(st, 200, "{}", r);
    assert_eq!(r["__COUNT"], 2);
    let (st, r) = post(&s, "/rest/Company(1)/headcount", "[]");
    assert_eq!(st, 200);
    assert_eq!(r["result"], 2);
    // not exposed: refused
    let (st, r) = post(&s, "/rest/Company/hidden", "[]");
    assert_eq!(st, 403);
    assert!(r["__ERROR"][0]["message"]
        .as_str()
        .unwrap()
        .contains("not exposed"));
    let (st, _) = post(&s, "/rest/Company/all", "[]");
    assert_eq!(st, 403);
}
