//! DataClass functions (docs/API/DataClassClass.md): `all()`, `get()`, `new()`,
//! `newSelection()`, `query()`, `fromCollection()`, `getInfo()`, `getCount()`;
//! and the DataStore functions (docs/API/DataStoreClass.md):
//! `startTransaction()`, `validateTransaction()`, `cancelTransaction()`,
//! `getInfo()` (the process's classic transaction: `START TRANSACTION` and
//! `ds.startTransaction()` open the same one).

use super::model::{model, Model};
use super::objects::{as_entity, entity_ref, lookup, make_entity, make_selection};
use super::qexec::{run_query, Params};
use crate::datastore::cells::value_to_cell;
use crate::datastore::store::Cell;
use crate::runtime::error::{err, RtResult};
use crate::runtime::interp::Interp;
use crate::runtime::oop::Meta;
use crate::runtime::value::{new_object, text, Value};

const SETTINGS_KEYS: &[&str] = &[
    "parameters",
    "attributes",
    "args",
    "allowFormulas",
    "context",
    "queryPlan",
    "queryPath",
];

/// `query(text or formula; values...; settings)` over `base` (None: every entity).
pub fn query(
    it: &mut Interp,
    m: &Model,
    ti: usize,
    base: Option<Vec<i64>>,
    args: &[Value],
) -> RtResult<Value> {
    let mut rest: &[Value] = args.get(1..).unwrap_or(&[]);
    let mut settings = None;
    if let Some(last) = rest.last() {
        if let Some(o) = super::plain_object(it, last) {
            if o.borrow().keys().any(|k| SETTINGS_KEYS.contains(&&**k)) {
                settings = Some(o);
                rest = &rest[..rest.len() - 1];
            }
        }
    }
    let flag = |k: &str| {
        settings
            .as_ref()
            .and_then(|s| s.borrow().get(k).map(|v| v.truthy()))
            .unwrap_or(false)
    };
    let (want_plan, want_path) = (flag("queryPlan"), flag("queryPath"));
    let mut params = Params {
        pos: rest.to_vec(),
        ..Default::default()
    };
    if let Some(s) = &settings {
        for (key, dst) in [
            ("parameters", &mut params.named),
            ("attributes", &mut params.attrs),
        ] {
            if let Some(Value::Object(p)) = s.borrow().get(key) {
                for (k, v) in p.borrow().iter() {
                    let v = match v {
                        // an attribute path given as a collection of names
                        Value::Collection(c) if key == "attributes" => text(
                            c.borrow()
                                .iter()
                                .map(crate::runtime::format::to_text)
                                .collect::<Vec<_>>()
                                .join("."),
                        ),
                        v => v.clone(),
                    };
                    dst.insert(k.to_string(), v);
                }
            }
        }
    }
    match args.first() {
        Some(Value::Text(q)) => {
            let q = q.to_string();
            let out = run_query(it, m, ti, &q, &params, base, (want_plan, want_path))?;
            let v = make_selection(it, m, ti, out.recs, out.ordered, true);
            if let Value::Object(o) = &v {
                if let Some(p) = out.plan {
                    o.borrow_mut().insert("queryPlan".into(), p);
                }
                if let Some(p) = out.path {
                    o.borrow_mut().insert("queryPath".into(), p);
                }
            }
            Ok(v)
        }
        Some(Value::Object(f)) => {
            let Some(Meta::Formula(fv)) = it.oo.meta_of(f) else {
                return err(super::BAD_ARG, ".query(): a text or a formula is expected");
            };
            let extra: Vec<Value> = match settings
                .as_ref()
                .and_then(|s| s.borrow().get("args").cloned())
            {
                Some(a) => vec![a],
                None => Vec::new(),
            };
            let base = match base {
                Some(b) => {
                    let mut b = b;
                    b.sort_unstable();
                    b.dedup();
                    b
                }
                None => m.store.lock().tables[ti].all(),
            };
            let mut hits = Vec::new();
            for rn in base {
                let e = super::objects::load_entity(it, m, ti, rn);
                if it.call_formula(&fv, e, extra.clone())?.truthy() {
                    hits.push(rn);
                }
            }
            Ok(make_selection(it, m, ti, hits, false, true))
        }
        _ => err(
            super::BAD_ARG,
            ".query(): a query text or a formula is expected",
        ),
    }
}

/// The record number of the entity whose primary key is `key`.
fn find_key(m: &Model, ti: usize, key: &Value) -> RtResult<Option<i64>> {
    let Some(pk) = m.classes[ti].pk else {
        return err(
            super::BAD_ARG,
            format!("The dataclass {} has no primary key", m.classes[ti].name),
        );
    };
    let ty = m.field_type(ti, pk);
    let key = match key {
        Value::Text(t) if ty != crate::datastore::structure::FieldType::Text => {
            match t.trim().parse::<f64>() {
                Ok(n) => Value::Real(n),
                Err(_) => return Ok(None),
            }
        }
        v => v.clone(),
    };
    let cell = match value_to_cell(key, ty) {
        Ok(c) => c,
        Err(_) => return Ok(None),
    };
    let g = m.store.lock();
    Ok(lookup(&g, ti, pk, &cell).first().copied())
}

fn new_entity(it: &mut Interp, m: &Model, ti: usize) -> RtResult<Value> {
    let mut rec = Vec::new();
    for f in &m.store.structure.tables[ti].fields {
        rec.push(if f.auto_uuid {
            Cell::Text(uuid::Uuid::new_v4().simple().to_string().to_uppercase())
        } else if f.auto_seq {
            Cell::Null
        } else {
            Cell::empty(f.ty)
        });
    }
    Ok(make_entity(it, m, ti, super::objects::NEW, &rec, 0))
}

fn from_collection(it: &mut Interp, m: &Model, ti: usize, args: &[Value]) -> RtResult<Value> {
    let Some(Value::Collection(c)) = args.first() else {
        return err(
            super::BAD_ARG,
            ".fromCollection(): a collection is expected",
        );
    };
    let items = c.borrow().clone();
    let pk_name = m.classes[ti].pk.map(|pk| m.field_name(ti, pk).to_string());
    let mut recs = Vec::new();
    for item in items {
        let Value::Object(src) = &item else { continue };
        let key = {
            let s = src.borrow();
            s.get("__KEY")
                .cloned()
                .or_else(|| pk_name.as_ref().and_then(|p| s.get(p.as_str()).cloned()))
        };
        let existing = match &key {
            Some(k) if !matches!(k, Value::Null | Value::Undefined) => find_key(m, ti, k)?,
            _ => None,
        };
        let e = match existing {
            Some(rn) => super::objects::load_entity(it, m, ti, rn),
            None => new_entity(it, m, ti)?,
        };
        let Value::Object(eo) = &e else { continue };
        it.call_on_object(eo.clone(), "fromObject", vec![item.clone()])?;
        let st = it.call_on_object(eo.clone(), "save", vec![])?;
        let ok = matches!(&st, Value::Object(s) if s.borrow().get("success").is_some_and(|v| v.truthy()));
        if ok {
            if let Some((_, n)) = as_entity(it, &e) {
                recs.push(entity_ref(&n).rn.get());
            }
        }
    }
    Ok(make_selection(it, m, ti, recs, true, true))
}

fn get_info(m: &Model, ti: usize) -> Value {
    let o = new_object();
    {
        let mut i = o.borrow_mut();
        i.insert("exposed".into(), Value::Bool(true));
        i.insert("name".into(), text(&*m.classes[ti].name));
        i.insert(
            "primaryKey".into(),
            match m.classes[ti].pk {
                Some(pk) => text(m.field_name(ti, pk)),
                None => text(""),
            },
        );
        i.insert(
            "tableNumber".into(),
            Value::Int(m.store.structure.tables[ti].num as i32),
        );
    }
    Value::Object(o)
}

/// A dataclass function; `None`: no such function.
pub fn call(it: &mut Interp, ti: usize, name: &str, args: Vec<Value>) -> Option<RtResult<Value>> {
    let m = match model(it) {
        Ok(m) => m,
        Err(e) => return Some(Err(e)),
    };
    Some(match name {
        "all" => {
            let recs = m.store.lock().tables[ti].all();
            Ok(make_selection(it, &m, ti, recs, false, true))
        }
        "get" => (|| {
            let key = args.first().cloned().unwrap_or_default();
            Ok(match find_key(&m, ti, &key)? {
                Some(rn) => super::objects::load_entity(it, &m, ti, rn),
                None => Value::Null,
            })
        })(),
        "new" => new_entity(it, &m, ti),
        "newSelection" => Ok(make_selection(
            it,
            &m,
            ti,
            Vec::new(),
            super::num_arg(&args, 0) == 1,
            false,
        )),
        "query" => query(it, &m, ti, None, &args),
        "fromCollection" => from_collection(it, &m, ti, &args),
        "getInfo" => Ok(get_info(&m, ti)),
        "getCount" => Ok(Value::Real(m.store.lock().tables[ti].live as f64)),
        _ => return None,
    })
}

/// A `ds` function; `None`: no such function.
pub fn ds_call(it: &mut Interp, name: &str, _args: Vec<Value>) -> Option<RtResult<Value>> {
    Some(match name {
        "startTransaction" => {
            it.db.start_transaction();
            Ok(Value::Undefined)
        }
        "validateTransaction" => it.db.validate_transaction().map(|_| Value::Undefined),
        "cancelTransaction" => {
            it.db.cancel_transaction();
            Ok(Value::Undefined)
        }
        "getInfo" => {
            let o = new_object();
            {
                let mut i = o.borrow_mut();
                i.insert("type".into(), text("4D"));
                i.insert("networked".into(), Value::Bool(false));
                i.insert("localID".into(), text(""));
            }
            Ok(Value::Object(o))
        }
        _ => return None,
    })
}
