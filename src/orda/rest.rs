//! The REST server of `fourd serve` (docs/REST/*.md): `/rest/$catalog`,
//! `/rest/$catalog/<DataClass>`, `/rest/<DataClass>`, `/rest/<DataClass>(key)`,
//! with `$filter` (the ORDA query language), `$orderby`, `$top`/`$limit`,
//! `$skip`, `$attributes`, `$method=entityset` and
//! `/rest/<DataClass>/$entityset/<id>`; and calls of `exposed` functions of the
//! ORDA classes (`POST /rest/$catalog/fn`, `/rest/<DataClass>/fn`,
//! `/rest/<DataClass>(key)/fn`, `/rest/<DataClass>/$entityset/<id>/fn`, the
//! body a JSON array of parameters; the answer `{"result": ...}`).
//!
//! Access rules: a dataclass or attribute marked `hide_in_REST` in the catalog is
//! not exposed (as "Expose as REST resource" unchecked in 4D); a function is
//! callable only when declared `exposed` (4D exposes no function by default).
//! [choice] The REST server answers as soon as the web server runs; fourd has no
//! "Expose as REST server" setting yet.

use super::model::{model, Kind, Model};
use super::objects::{as_entity, as_selection, entity_ref, load_entity, make_selection, sel_ref};
use super::qexec::{bind_order, expand_order, run_query, sort, Params, Walker};
use crate::commands::json::{from_json, stringify};
use crate::runtime::interp::Interp;
use crate::runtime::value::{new_collection, new_object, text, Value};
use std::cell::RefCell;
use std::collections::HashMap;

thread_local! {
    /// Entity sets made by `$method=entityset`: id → (dataclass, records).
    static SETS: RefCell<HashMap<String, (usize, Vec<i64>)>> = RefCell::new(HashMap::new());
}

/// A REST answer: HTTP status and JSON body.
pub type Answer = (u16, String);

fn error(status: u16, code: i32, msg: &str) -> Answer {
    let e = new_object();
    {
        let mut m = e.borrow_mut();
        m.insert("message".into(), text(msg));
        m.insert("componentSignature".into(), text("dbmg"));
        m.insert("errCode".into(), Value::Int(code));
    }
    let o = new_object();
    o.borrow_mut().insert(
        "__ERROR".into(),
        Value::Collection(new_collection(vec![Value::Object(e)])),
    );
    (
        status,
        stringify(&Value::Object(o), false).unwrap_or_default(),
    )
}

fn ok(v: &Value) -> Answer {
    match stringify(v, false) {
        Ok(s) => (200, s),
        Err(e) => error(500, e.code, &e.message),
    }
}

fn query_params(q: &str) -> HashMap<String, String> {
    q.split('&')
        .filter(|p| !p.is_empty())
        .map(|p| {
            let (k, v) = p.split_once('=').unwrap_or((p, ""));
            (
                percent_decode(&k.replace('+', " ")),
                percent_decode(&v.replace('+', " ")),
            )
        })
        .collect()
}

/// `%XX` escapes of a query parameter (invalid UTF-8 is replaced).
fn percent_decode(s: &str) -> String {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        let hex = |c: u8| (c as char).to_digit(16).map(|d| d as u8);
        if b[i] == b'%' && i + 2 < b.len() {
            if let (Some(h), Some(l)) = (hex(b[i + 1]), hex(b[i + 2])) {
                out.push(h * 16 + l);
                i += 3;
                continue;
            }
        }
        out.push(b[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

fn unquote(s: &str) -> &str {
    let s = s.trim();
    s.strip_prefix('"')
        .and_then(|x| x.strip_suffix('"'))
        .or_else(|| s.strip_prefix('\'').and_then(|x| x.strip_suffix('\'')))
        .unwrap_or(s)
}

fn exposed_class(m: &Model, name: &str) -> Option<usize> {
    m.classes
        .iter()
        .find(|c| &*c.name == name && !m.store.structure.tables[c.ti].rest_hidden)
        .map(|c| c.ti)
}

/// Handles a request whose path starts with `/rest`.
pub fn handle(it: &mut Interp, method: &str, path: &str, query: &str, body: &[u8]) -> Answer {
    let m = match model(it) {
        Ok(m) => m,
        Err(_) => return error(404, 1800, "No datastore: the project has no structure"),
    };
    let params = query_params(query);
    let rest = path.trim_start_matches('/');
    let rest = rest
        .strip_prefix("rest")
        .unwrap_or(rest)
        .trim_start_matches('/');
    let parts: Vec<&str> = rest.split('/').filter(|p| !p.is_empty()).collect();
    let args: Vec<Value> = match serde_json::from_slice::<serde_json::Value>(body) {
        Ok(serde_json::Value::Array(a)) => a.into_iter().map(from_json).collect(),
        Ok(v) if !body.is_empty() => vec![from_json(v)],
        _ => Vec::new(),
    };
    match parts.as_slice() {
        [] => error(404, 1800, "Nothing requested"),
        ["$catalog"] => catalog(&m),
        ["$catalog", name] => match exposed_class(&m, name) {
            Some(ti) => class_info(&m, ti),
            None => {
                // a function of the DataStore class
                let ds = crate::orda::objects::make_ds(it).unwrap_or_default();
                call_exposed(it, &ds, m.datastore_class, name, args)
            }
        },
        [head, tail @ ..] => {
            let (cname, key) = match head.split_once('(') {
                Some((c, k)) => (c, Some(unquote(k.trim_end_matches(')')).to_string())),
                None => (*head, None),
            };
            let Some(ti) = exposed_class(&m, cname) else {
                return error(
                    404,
                    1800,
                    &format!("Dataclass {} not found or not exposed", cname),
                );
            };
            let _ = method;
            match (key, tail) {
                (Some(k), []) => match entity_by_key(it, &m, ti, &k) {
                    Some(e) => ok(&entity_json(it, &m, &e, &params)),
                    None => error(404, 1802, &format!("Entity {}({}) not found", cname, k)),
                },
                (Some(k), [f]) => match entity_by_key(it, &m, ti, &k) {
                    Some(e) => call_exposed(it, &e, m.classes[ti].entity_class, f, args),
                    None => error(404, 1802, &format!("Entity {}({}) not found", cname, k)),
                },
                (None, ["$entityset", id, more @ ..]) => {
                    let Some((sti, recs)) = SETS.with(|s| s.borrow().get(*id).cloned()) else {
                        return error(404, 1802, &format!("Entity set {} not found", id));
                    };
                    if sti != ti {
                        return error(404, 1802, "Entity set of another dataclass");
                    }
                    match more {
                        [] => selection_answer(it, &m, ti, recs, &params),
                        [f] => {
                            let sel = make_selection(it, &m, ti, recs, true, true);
                            call_exposed(it, &sel, m.classes[ti].selection_class, f, args)
                        }
                        _ => error(404, 1800, "Unknown request"),
                    }
                }
                (None, []) => {
                    let recs = m.store.lock().tables[ti].all();
                    selection_answer(it, &m, ti, recs, &params)
                }
                (None, [f]) => {
                    let dc = match crate::orda::objects::make_ds(it) {
                        Ok(Value::Object(ds)) => {
                            ds.borrow().get(cname).cloned().unwrap_or_default()
                        }
                        _ => Value::Undefined,
                    };
                    call_exposed(it, &dc, m.classes[ti].dataclass_class, f, args)
                }
                _ => error(404, 1800, "Unknown request"),
            }
        }
    }
}

fn catalog(m: &Model) -> Answer {
    let list: Vec<Value> = m
        .classes
        .iter()
        .filter(|c| !m.store.structure.tables[c.ti].rest_hidden)
        .map(|c| {
            let o = new_object();
            {
                let mut d = o.borrow_mut();
                d.insert("name".into(), text(&*c.name));
                d.insert("uri".into(), text(format!("/rest/$catalog/{}", c.name)));
                d.insert("dataURI".into(), text(format!("/rest/{}", c.name)));
            }
            Value::Object(o)
        })
        .collect();
    let o = new_object();
    o.borrow_mut().insert(
        "dataClasses".into(),
        Value::Collection(new_collection(list)),
    );
    ok(&Value::Object(o))
}

fn attr_hidden(m: &Model, ti: usize, kind: &Kind) -> bool {
    let t = &m.store.structure;
    match *kind {
        Kind::Storage(fi) => t.tables[ti].fields[fi].rest_hidden,
        Kind::One { target, .. } | Kind::Many { target, .. } => t.tables[target].rest_hidden,
    }
}

fn class_info(m: &Model, ti: usize) -> Answer {
    let c = &m.classes[ti];
    let t = &m.store.structure.tables[ti];
    let attrs: Vec<Value> = c
        .attrs
        .iter()
        .filter(|a| !attr_hidden(m, ti, &a.kind))
        .map(|a| {
            let o = new_object();
            {
                let mut d = o.borrow_mut();
                d.insert("name".into(), text(&*a.name));
                match a.kind {
                    Kind::Storage(fi) => {
                        let f = &t.fields[fi];
                        d.insert("kind".into(), text("storage"));
                        d.insert("fieldPos".into(), Value::Int(f.num as i32));
                        d.insert("scope".into(), text("public"));
                        d.insert("indexed".into(), Value::Bool(f.indexed));
                        d.insert("type".into(), text(super::objects::attr_type_name(f.ty)));
                        if c.pk == Some(fi) {
                            d.insert("identifying".into(), Value::Bool(true));
                        }
                    }
                    Kind::One { target, .. } => {
                        d.insert("kind".into(), text("relatedEntity"));
                        d.insert("scope".into(), text("public"));
                        d.insert("type".into(), text(&*m.classes[target].name));
                    }
                    Kind::Many { target, .. } => {
                        d.insert("kind".into(), text("relatedEntities"));
                        d.insert("scope".into(), text("public"));
                        d.insert(
                            "type".into(),
                            text(format!("{}Selection", m.classes[target].name)),
                        );
                    }
                }
            }
            Value::Object(o)
        })
        .collect();
    let o = new_object();
    {
        let mut d = o.borrow_mut();
        d.insert("name".into(), text(&*c.name));
        d.insert("className".into(), text(&*c.name));
        d.insert(
            "collectionName".into(),
            text(format!("{}Selection", c.name)),
        );
        d.insert("tableNumber".into(), Value::Int(t.num as i32));
        d.insert("scope".into(), text("public"));
        d.insert("dataURI".into(), text(format!("/rest/{}", c.name)));
        d.insert(
            "attributes".into(),
            Value::Collection(new_collection(attrs)),
        );
        if let Some(pk) = c.pk {
            let k = new_object();
            k.borrow_mut()
                .insert("name".into(), text(&t.fields[pk].name));
            d.insert(
                "key".into(),
                Value::Collection(new_collection(vec![Value::Object(k)])),
            );
        }
    }
    ok(&Value::Object(o))
}

fn entity_by_key(it: &mut Interp, m: &Model, ti: usize, key: &str) -> Option<Value> {
    let dc = super::dataclass::call(it, ti, "get", vec![text(key)])?.ok()?;
    match dc {
        Value::Object(_) => Some(dc),
        _ => None,
    }
    .filter(|_| m.classes[ti].pk.is_some())
}

/// One entity as REST gives it: `__KEY`, `__STAMP`, the attributes (related
/// ones as `__deferred` links).
fn entity_json(it: &mut Interp, m: &Model, e: &Value, params: &HashMap<String, String>) -> Value {
    let Some((o, n)) = as_entity(it, e) else {
        return Value::Null;
    };
    let en = entity_ref(&n);
    let ti = en.ti;
    let only: Option<Vec<String>> = params
        .get("$attributes")
        .map(|a| a.split(',').map(|s| s.trim().to_string()).collect());
    let out = new_object();
    let key = super::entity::key_of(m, &o, ti);
    let key_text = crate::runtime::format::to_text(&key);
    {
        let mut d = out.borrow_mut();
        d.insert("__entityModel".into(), text(&*m.classes[ti].name));
        d.insert("__KEY".into(), text(key_text.clone()));
        d.insert("__STAMP".into(), Value::Int(en.stamp.get() as i32));
    }
    for a in &m.classes[ti].attrs {
        if attr_hidden(m, ti, &a.kind) {
            continue;
        }
        if let Some(only) = &only {
            if !only.iter().any(|x| x == &*a.name) {
                continue;
            }
        }
        let v = match a.kind {
            Kind::Storage(_) => o.borrow().get(&*a.name).cloned().unwrap_or(Value::Null),
            Kind::One { target, .. } => {
                let rel = super::entity::related(it, &o, en, &a.name).unwrap_or(Value::Null);
                match as_entity(it, &rel) {
                    Some((ro, _)) => {
                        let k =
                            crate::runtime::format::to_text(&super::entity::key_of(m, &ro, target));
                        let def = new_object();
                        def.borrow_mut().insert(
                            "uri".into(),
                            text(format!("/rest/{}({})", m.classes[target].name, k)),
                        );
                        def.borrow_mut().insert("__KEY".into(), text(k));
                        let w = new_object();
                        w.borrow_mut()
                            .insert("__deferred".into(), Value::Object(def));
                        Value::Object(w)
                    }
                    None => Value::Null,
                }
            }
            Kind::Many { .. } => {
                let def = new_object();
                def.borrow_mut().insert(
                    "uri".into(),
                    text(format!(
                        "/rest/{}({})/{}?$expand={}",
                        m.classes[ti].name, key_text, a.name, a.name
                    )),
                );
                let w = new_object();
                w.borrow_mut()
                    .insert("__deferred".into(), Value::Object(def));
                Value::Object(w)
            }
        };
        out.borrow_mut().insert(a.name.clone(), v);
    }
    Value::Object(out)
}

fn selection_answer(
    it: &mut Interp,
    m: &Model,
    ti: usize,
    recs: Vec<i64>,
    params: &HashMap<String, String>,
) -> Answer {
    let mut recs = recs;
    if let Some(f) = params.get("$filter") {
        let q = unquote(f).to_string();
        match run_query(
            it,
            m,
            ti,
            &q,
            &Params::default(),
            Some(recs),
            (false, false),
        ) {
            Ok(out) => recs = out.recs,
            Err(e) => return error(400, e.code, &e.message),
        }
    }
    if let Some(o) = params.get("$orderby") {
        let keys = super::qparse::parse_order(unquote(o))
            .and_then(|k| expand_order(it, m, ti, &k))
            .and_then(|k| bind_order(m, ti, &k));
        match keys {
            Ok(keys) => {
                let g = m.store.lock();
                sort(&Walker::new(&g), &mut recs, &keys);
            }
            Err(e) => return error(400, e.code, &e.message),
        }
    }
    let mut set_uri = None;
    if params.get("$method").map(|s| s.as_str()) == Some("entityset") {
        let id = uuid::Uuid::new_v4().simple().to_string().to_uppercase();
        SETS.with(|s| s.borrow_mut().insert(id.clone(), (ti, recs.clone())));
        set_uri = Some(format!("/rest/{}/$entityset/{}", m.classes[ti].name, id));
    }
    let count = recs.len();
    let skip = params
        .get("$skip")
        .and_then(|s| s.parse::<usize>().ok())
        .unwrap_or(0);
    let top = params
        .get("$top")
        .or_else(|| params.get("$limit"))
        .and_then(|s| s.parse::<usize>().ok())
        .unwrap_or(100);
    let page: Vec<i64> = recs.iter().skip(skip).take(top).copied().collect();
    let mut ents = Vec::with_capacity(page.len());
    for rn in page {
        let e = load_entity(it, m, ti, rn);
        let mut j = entity_json(it, m, &e, params);
        if let Value::Object(o) = &mut j {
            o.borrow_mut().shift_remove("__entityModel");
        }
        ents.push(j);
    }
    let o = new_object();
    {
        let mut d = o.borrow_mut();
        if let Some(u) = set_uri {
            d.insert("__ENTITYSET".into(), text(u));
        }
        d.insert("__DATACLASS".into(), text(&*m.classes[ti].name));
        d.insert("__entityModel".into(), text(&*m.classes[ti].name));
        d.insert("__COUNT".into(), Value::Int(count as i32));
        d.insert("__FIRST".into(), Value::Int(skip as i32));
        d.insert("__SENT".into(), Value::Int(ents.len() as i32));
        d.insert("__ENTITIES".into(), Value::Collection(new_collection(ents)));
    }
    ok(&Value::Object(o))
}

/// Calls `obj.name(args)` if the ORDA class declares it `exposed`.
fn call_exposed(
    it: &mut Interp,
    obj: &Value,
    class: Option<crate::compile::ir::ClassId>,
    name: &str,
    args: Vec<Value>,
) -> Answer {
    let exposed = {
        let mut cur = class;
        let mut found = false;
        let mut n = 0;
        while let Some(c) = cur {
            let cl = &it.prog.classes[c as usize];
            if cl.exposed.iter().any(|f| f == name) && cl.funcs.contains_key(name) {
                found = true;
                break;
            }
            cur = cl.parent;
            n += 1;
            if n > it.prog.classes.len() {
                break;
            }
        }
        found
    };
    if !exposed {
        return error(403, 1804, &format!("Function {} is not exposed", name));
    }
    let Value::Object(o) = obj else {
        return error(404, 1800, "Unknown request");
    };
    match it.call_on_object(o.clone(), name, args) {
        Ok(v) => {
            let m = match model(it) {
                Ok(m) => m,
                Err(e) => return error(500, e.code, &e.message),
            };
            let result = if as_entity(it, &v).is_some() {
                entity_json(it, &m, &v, &HashMap::new())
            } else if let Some(n) = as_selection(it, &v) {
                let s = sel_ref(&n);
                let recs = s.recs.borrow().clone();
                let (_, body) = selection_answer(it, &m, s.ti, recs, &HashMap::new());
                return (200, body);
            } else {
                v
            };
            let o = new_object();
            o.borrow_mut().insert("result".into(), result);
            ok(&Value::Object(o))
        }
        Err(e) => error(500, e.code, &e.message),
    }
}
