//! Entity functions (docs/API/EntityClass.md): `save()` with optimistic locking
//! (the stamp) and `dk auto merge`, `drop()`, `reload()`, `lock()`/`unlock()`
//! (the classic record locks), `touched()`, `touchedAttributes()`, `getKey()`,
//! `getStamp()`, `isNew()`, `toObject()`, `fromObject()`, `clone()`, `diff()`,
//! `getDataClass()`; related attributes read and assigned.

use super::model::{model, Kind, Model};
use super::objects::{
    as_entity, entity_ref, fill_entity, load_entity, lookup, make_dataclass, make_selection,
    EntityObj, NEW,
};
use super::status;
use crate::datastore::cells::{cell_to_value, value_to_cell};
use crate::datastore::codes::IO;
use crate::datastore::store::{Cell, Inner, Record};
use crate::datastore::DUPLICATE_KEY;
use crate::runtime::error::{err, RtResult};
use crate::runtime::interp::Interp;
use crate::runtime::value::{new_collection, new_object, text, Obj, Value};
use std::rc::Rc;

const AUTO_MERGE: i64 = 1;
const FORCE_DROP: i64 = 1;
const RELOAD_IF_STAMP: i64 = 1;
const KEY_AS_STRING: i64 = 1;
pub const WITH_KEY: i64 = 2;
pub const WITH_STAMP: i64 = 4;

/// The entity's storage attributes as a record (errors for a value of the wrong type).
pub fn current_record(m: &Model, o: &Obj, e: &EntityObj) -> RtResult<Record> {
    let t = &m.store.structure.tables[e.ti];
    let map = o.borrow();
    let orig = e.orig.borrow();
    let mut rec = Vec::with_capacity(t.fields.len());
    for (fi, f) in t.fields.iter().enumerate() {
        let v = map.get(f.name.as_str()).cloned().unwrap_or_default();
        let c = match v {
            Value::Null if f.auto_seq => Cell::Null,
            Value::Null if f.ty != crate::datastore::structure::FieldType::Object => {
                orig.get(fi).cloned().unwrap_or(Cell::Null)
            }
            v => value_to_cell(v, f.ty)?,
        };
        rec.push(c);
    }
    Ok(rec)
}

fn touched_fields(m: &Model, o: &Obj, e: &EntityObj) -> Vec<usize> {
    let t = &m.store.structure.tables[e.ti];
    let map = o.borrow();
    let orig = e.orig.borrow();
    t.fields
        .iter()
        .enumerate()
        .filter(|(fi, f)| {
            let v = map.get(f.name.as_str()).cloned().unwrap_or_default();
            match value_to_cell(v, f.ty) {
                Ok(c) => orig.get(*fi) != Some(&c),
                Err(_) => true,
            }
        })
        .map(|(fi, _)| fi)
        .collect()
}

/// A unique field of `rec` whose value another record of the table holds.
fn duplicate(m: &Model, g: &Inner, ti: usize, rn: i64, rec: &Record) -> Option<String> {
    for (fi, f) in m.store.structure.tables[ti].fields.iter().enumerate() {
        if !f.unique || rec[fi] == Cell::Null {
            continue;
        }
        if lookup(g, ti, fi, &rec[fi]).iter().any(|&r| r != rn) {
            return Some(format!(
                "Duplicated value in the unique field [{}]{}",
                m.store.structure.tables[ti].name, f.name
            ));
        }
    }
    None
}

fn save(it: &mut Interp, o: &Obj, e: &EntityObj, opts: i64) -> RtResult<Value> {
    let m = model(it)?;
    let ti = e.ti;
    let mut rec = current_record(&m, o, e)?;
    let store = m.store.clone();
    let mut g = store.lock();
    let rn = e.rn.get();
    let mut merged = false;
    let target = if rn == NEW {
        for (fi, f) in store.structure.tables[ti].fields.iter().enumerate() {
            if f.auto_seq && matches!(rec[fi], Cell::Null | Cell::Int(0)) {
                rec[fi] = Cell::Int(g.next_seq(ti, false).or_else(|e| err(IO, e))?);
            }
        }
        g.next_rn(ti, false).or_else(|e| err(IO, e))?
    } else {
        if g.tables[ti].get(rn).is_none() {
            return Ok(status::failure(status::GONE));
        }
        if let Some(owner) = g.other_owner(ti, rn, it.db.owner.pid) {
            return Ok(status::locked_by(&owner));
        }
        let touched = touched_fields(&m, o, e);
        if touched.is_empty() {
            return Ok(status::success());
        }
        if g.tables[ti].stamp(rn) != e.stamp.get() {
            if opts & AUTO_MERGE == 0 {
                return Ok(status::failure(status::STAMP_CHANGED));
            }
            // dk auto merge: the stored record with this entity's changes, unless
            // another process changed the same attribute
            let stored = g.tables[ti].get(rn).cloned().unwrap_or_default();
            let orig = e.orig.borrow().clone();
            for &fi in &touched {
                if stored[fi] != orig[fi] {
                    return Ok(status::failure(status::MERGE_FAILED));
                }
            }
            let mut out = stored;
            for &fi in &touched {
                out[fi] = rec[fi].clone();
            }
            rec = out;
            merged = true;
        }
        rn
    };
    if let Some(msg) = duplicate(&m, &g, ti, target, &rec) {
        return Ok(status::serious(DUPLICATE_KEY, &msg));
    }
    it.db.write(&mut g, ti, target, Some(rec.clone()))?;
    e.rn.set(target);
    e.stamp.set(g.tables[ti].stamp(target));
    drop(g);
    fill_entity(o, &m, ti, &rec);
    *e.orig.borrow_mut() = rec;
    let v = status::success();
    if merged {
        if let Value::Object(s) = &v {
            s.borrow_mut()
                .insert("autoMerged".into(), Value::Bool(true));
        }
    }
    Ok(v)
}

fn drop_entity(it: &mut Interp, e: &EntityObj, opts: i64) -> RtResult<Value> {
    let m = model(it)?;
    let (ti, rn) = (e.ti, e.rn.get());
    let store = m.store.clone();
    let mut g = store.lock();
    if rn < 0 || g.tables[ti].get(rn).is_none() {
        return Ok(status::failure(status::GONE));
    }
    if let Some(owner) = g.other_owner(ti, rn, it.db.owner.pid) {
        return Ok(status::locked_by(&owner));
    }
    if g.tables[ti].stamp(rn) != e.stamp.get() && opts & FORCE_DROP == 0 {
        return Ok(status::failure(status::STAMP_CHANGED));
    }
    it.db.write(&mut g, ti, rn, None)?;
    drop(g);
    it.db.unlock_record(ti, rn)?;
    Ok(status::success())
}

/// Reads the stored record again into the entity (false: it no longer exists).
fn reload_into(it: &mut Interp, o: &Obj, e: &EntityObj) -> RtResult<bool> {
    let m = model(it)?;
    let got = {
        let g = m.store.lock();
        let rn = e.rn.get();
        g.tables[e.ti]
            .get(rn)
            .cloned()
            .map(|r| (r, g.tables[e.ti].stamp(rn)))
    };
    let Some((rec, stamp)) = got else {
        return Ok(false);
    };
    fill_entity(o, &m, e.ti, &rec);
    *e.orig.borrow_mut() = rec;
    e.stamp.set(stamp);
    e.related.borrow_mut().clear();
    Ok(true)
}

fn lock(it: &mut Interp, o: &Obj, e: &EntityObj, opts: i64) -> RtResult<Value> {
    let m = model(it)?;
    let (ti, rn) = (e.ti, e.rn.get());
    let stamp_changed = {
        let mut g = m.store.lock();
        if rn < 0 || g.tables[ti].get(rn).is_none() {
            return Ok(status::failure(status::GONE));
        }
        let owner = it.db.owner.clone();
        if let Err(holder) = g.try_lock(ti, rn, &owner) {
            return Ok(status::locked_by(&holder));
        }
        g.tables[ti].stamp(rn) != e.stamp.get()
    };
    if stamp_changed {
        if opts & RELOAD_IF_STAMP == 0 {
            it.db.unlock_record(ti, rn)?;
            return Ok(status::failure(status::STAMP_CHANGED));
        }
        reload_into(it, o, e)?;
        let v = status::success();
        if let Value::Object(s) = &v {
            s.borrow_mut()
                .insert("wasReloaded".into(), Value::Bool(true));
        }
        return Ok(v);
    }
    Ok(status::success())
}

/// The primary key value of an entity.
pub fn key_of(m: &Model, o: &Obj, ti: usize) -> Value {
    match m.classes[ti].pk {
        Some(pk) => o
            .borrow()
            .get(m.field_name(ti, pk))
            .cloned()
            .unwrap_or(Value::Null),
        None => Value::Null,
    }
}

/// `entity.<related attribute>`: the related entity (N→1) or entities (1→N).
pub fn related(it: &mut Interp, o: &Obj, e: &EntityObj, name: &str) -> RtResult<Value> {
    let m = model(it)?;
    let Some(a) = m.classes[e.ti].attr(name).cloned() else {
        if let Some(path) = m.classes[e.ti].alias(name) {
            // an alias attribute reads its path
            let path = path.to_string();
            return super::selection::entity_path(it, &Value::Object(o.clone()), &path);
        }
        return Ok(Value::Undefined);
    };
    match a.kind {
        Kind::Storage(_) => Ok(Value::Undefined),
        Kind::One { target, fk, pk } => {
            let key = field_cell(&m, e.ti, o, fk);
            if let Some((_, _, ent)) = e
                .related
                .borrow()
                .iter()
                .find(|(n, k, _)| &**n == name && *k == key)
            {
                return Ok(ent.clone());
            }
            let rn = {
                let g = m.store.lock();
                lookup(&g, target, pk, &key).first().copied()
            };
            let ent = match rn {
                Some(rn) => load_entity(it, &m, target, rn),
                None => Value::Null,
            };
            let mut cache = e.related.borrow_mut();
            cache.retain(|(n, _, _)| &**n != name);
            cache.push((a.name.clone(), key, ent.clone()));
            Ok(ent)
        }
        Kind::Many { target, fk, key } => {
            let k = field_cell(&m, e.ti, o, key);
            let recs = if e.rn.get() == NEW {
                Vec::new()
            } else {
                let g = m.store.lock();
                lookup(&g, target, fk, &k)
            };
            Ok(make_selection(it, &m, target, recs, false, true))
        }
    }
}

/// The stored form of the entity's attribute for field `fi` (its value as the
/// entity object holds it now), to compare with other records' cells.
fn field_cell(m: &Model, ti: usize, o: &Obj, fi: usize) -> Cell {
    let v = o
        .borrow()
        .get(m.field_name(ti, fi))
        .cloned()
        .unwrap_or_default();
    value_to_cell(v, m.field_type(ti, fi)).unwrap_or(Cell::Null)
}

/// `entity.<relatedEntity> := entity or Null`: sets the foreign key.
pub fn set_related(
    it: &mut Interp,
    o: &Obj,
    e: &EntityObj,
    name: &str,
    v: &Value,
) -> RtResult<bool> {
    let m = model(it)?;
    let Some(a) = m.classes[e.ti].attr(name).cloned() else {
        return Ok(false);
    };
    match a.kind {
        Kind::Storage(_) => Ok(false),
        Kind::One { target, fk, .. } => {
            let fk_name = m.field_name(e.ti, fk).to_string();
            let key = match v {
                Value::Null | Value::Undefined => {
                    cell_to_value(&Cell::empty(m.field_type(e.ti, fk)), m.field_type(e.ti, fk))
                }
                v => match as_entity(it, v) {
                    Some((ro, rn)) if entity_ref(&rn).ti == target => key_of(&m, &ro, target),
                    _ => {
                        return err(
                            super::BAD_ARG,
                            format!(
                                "{}: an entity of {} is expected",
                                name, m.classes[target].name
                            ),
                        )
                    }
                },
            };
            o.borrow_mut().insert(Rc::from(fk_name.as_str()), key);
            e.related.borrow_mut().retain(|(n, _, _)| &**n != name);
            Ok(true)
        }
        Kind::Many { .. } => err(
            super::BAD_ARG,
            format!("{}: a related entities attribute cannot be assigned", name),
        ),
    }
}

/// `toObject(filter; options)` of one entity.
pub fn to_object(
    it: &mut Interp,
    o: &Obj,
    e: &EntityObj,
    filter: &[String],
    opts: i64,
) -> RtResult<Value> {
    let m = model(it)?;
    let out = new_object();
    if opts & WITH_KEY != 0 {
        out.borrow_mut().insert("__KEY".into(), key_of(&m, o, e.ti));
    }
    if opts & WITH_STAMP != 0 {
        out.borrow_mut()
            .insert("__STAMP".into(), Value::Int(e.stamp.get() as i32));
    }
    let all = filter.is_empty() || filter.iter().any(|f| f == "*");
    let attrs = m.classes[e.ti].attrs.clone();
    for a in &attrs {
        let name = &*a.name;
        let picked: Vec<&str> = filter
            .iter()
            .filter_map(|f| {
                if f == name {
                    Some("")
                } else {
                    f.strip_prefix(name).and_then(|r| r.strip_prefix('.'))
                }
            })
            .collect();
        match a.kind {
            Kind::Storage(_) => {
                if all || !picked.is_empty() {
                    let v = o.borrow().get(name).cloned().unwrap_or(Value::Null);
                    out.borrow_mut()
                        .insert(a.name.clone(), crate::commands::object::deep_copy(&v)?);
                }
            }
            Kind::One { target, .. } => {
                if picked.is_empty() && !all {
                    continue;
                }
                let rel = related(it, o, e, name)?;
                let v = match as_entity(it, &rel) {
                    None => Value::Null,
                    Some((ro, rn)) => {
                        let sub: Vec<String> = picked
                            .iter()
                            .filter(|p| !p.is_empty())
                            .map(|p| p.to_string())
                            .collect();
                        if sub.is_empty() {
                            let k = new_object();
                            k.borrow_mut()
                                .insert("__KEY".into(), key_of(&m, &ro, target));
                            Value::Object(k)
                        } else {
                            to_object(it, &ro, entity_ref(&rn), &sub, 0)?
                        }
                    }
                };
                out.borrow_mut().insert(a.name.clone(), v);
            }
            Kind::Many { .. } => {
                let sub: Vec<String> = picked
                    .iter()
                    .filter(|p| !p.is_empty())
                    .map(|p| p.to_string())
                    .collect();
                if sub.is_empty() {
                    continue;
                }
                let sel = related(it, o, e, name)?;
                let c = super::selection::to_collection(it, &sel, &sub, 0, 0, None)?;
                out.borrow_mut().insert(a.name.clone(), c);
            }
        }
    }
    // computed and alias attributes are returned when the filter names them
    for f in filter {
        if f == "*" || f.contains('.') || attrs.iter().any(|a| &*a.name == f.as_str()) {
            continue;
        }
        let v = it.member_fallback(o, f)?;
        if !matches!(v, Value::Undefined) {
            out.borrow_mut().insert(f.as_str().into(), v);
        }
    }
    Ok(Value::Object(out))
}

/// Splits a filter argument: "a, b.c" or a collection of paths.
pub fn filter_arg(v: Option<&Value>) -> Vec<String> {
    match v {
        Some(Value::Text(t)) => t
            .split(',')
            .map(|s| s.trim().to_string())
            .filter(|s| !s.is_empty())
            .collect(),
        Some(Value::Collection(c)) => c
            .borrow()
            .iter()
            .filter_map(|v| match v {
                Value::Text(t) => Some(t.to_string()),
                _ => None,
            })
            .collect(),
        _ => Vec::new(),
    }
}

fn from_object(it: &mut Interp, o: &Obj, e: &EntityObj, src: &Value) -> RtResult<()> {
    let m = model(it)?;
    let Value::Object(src) = src else {
        return err(super::BAD_ARG, ".fromObject(): an object is expected");
    };
    let attrs = m.classes[e.ti].attrs.clone();
    let props: Vec<(Rc<str>, Value)> = src
        .borrow()
        .iter()
        .map(|(k, v)| (k.clone(), v.clone()))
        .collect();
    for (k, v) in props {
        let Some(a) = attrs.iter().find(|a| a.name == k) else {
            continue;
        };
        match a.kind {
            Kind::Storage(_) => {
                o.borrow_mut().insert(a.name.clone(), v);
            }
            Kind::One { target, fk, .. } => {
                // {__KEY: x} or the key itself
                let key = match &v {
                    Value::Object(r) if as_entity(it, &v).is_none() => {
                        r.borrow().get("__KEY").cloned().unwrap_or(Value::Null)
                    }
                    Value::Object(_) => match as_entity(it, &v) {
                        Some((ro, _)) => key_of(&m, &ro, target),
                        None => Value::Null,
                    },
                    other => other.clone(),
                };
                let fk_name: Rc<str> = Rc::from(m.field_name(e.ti, fk));
                o.borrow_mut().insert(fk_name, key);
                e.related.borrow_mut().retain(|(n, _, _)| *n != a.name);
            }
            Kind::Many { .. } => {}
        }
    }
    Ok(())
}

fn diff(
    it: &mut Interp,
    o: &Obj,
    e: &EntityObj,
    other: &Value,
    only: &[String],
) -> RtResult<Value> {
    let m = model(it)?;
    let Some((oo, _)) = as_entity(it, other) else {
        return err(super::BAD_ARG, ".diff(): an entity is expected");
    };
    let mut out = Vec::new();
    for f in &m.store.structure.tables[e.ti].fields {
        if !only.is_empty() && !only.iter().any(|n| n == &f.name) {
            continue;
        }
        let a = o
            .borrow()
            .get(f.name.as_str())
            .cloned()
            .unwrap_or(Value::Null);
        let b = oo
            .borrow()
            .get(f.name.as_str())
            .cloned()
            .unwrap_or(Value::Null);
        // [choice] texts compare exactly (case and accents count), as the docs'
        // examples of diff() show a change of case as a difference
        let same = match (&a, &b) {
            (Value::Text(x), Value::Text(y)) => x == y,
            _ => crate::runtime::ops::equal(&a, &b).unwrap_or(false),
        };
        if !same {
            let d = new_object();
            {
                let mut dm = d.borrow_mut();
                dm.insert("attributeName".into(), text(f.name.as_str()));
                dm.insert("value".into(), a);
                dm.insert("otherValue".into(), b);
            }
            out.push(Value::Object(d));
        }
    }
    Ok(Value::Collection(new_collection(out)))
}

/// An entity function; `None`: no such function.
pub fn call(
    it: &mut Interp,
    o: &Obj,
    e: &EntityObj,
    name: &str,
    args: Vec<Value>,
) -> Option<RtResult<Value>> {
    let opt = super::num_arg(&args, 0);
    Some(match name {
        "save" => save(it, o, e, opt),
        "drop" => drop_entity(it, e, opt),
        "reload" => reload_into(it, o, e).map(|ok| {
            if ok {
                status::success()
            } else {
                status::failure(status::GONE)
            }
        }),
        "lock" => lock(it, o, e, opt),
        "unlock" => {
            let rn = e.rn.get();
            if rn >= 0 {
                if let Err(x) = it.db.unlock_record(e.ti, rn) {
                    return Some(Err(x));
                }
            }
            Ok(status::success())
        }
        "touched" => model(it).map(|m| Value::Bool(!touched_fields(&m, o, e).is_empty())),
        "touchedAttributes" => model(it).map(|m| {
            let v = touched_fields(&m, o, e)
                .into_iter()
                .map(|fi| text(m.field_name(e.ti, fi)))
                .collect();
            Value::Collection(new_collection(v))
        }),
        "isNew" => Ok(Value::Bool(e.rn.get() == NEW)),
        "getKey" => model(it).map(|m| {
            let k = key_of(&m, o, e.ti);
            if opt & KEY_AS_STRING != 0 {
                text(crate::runtime::format::to_text(&k))
            } else {
                k
            }
        }),
        "getStamp" => Ok(Value::Int(if e.rn.get() == NEW {
            0
        } else {
            e.stamp.get() as i32
        })),
        "toObject" => {
            let filter = filter_arg(args.first());
            let opts = super::num_arg(&args, 1);
            to_object(it, o, e, &filter, opts)
        }
        "fromObject" => from_object(it, o, e, args.first().unwrap_or(&Value::Undefined))
            .map(|_| Value::Undefined),
        "clone" => model(it).map(|m| {
            let rec = e.orig.borrow().clone();
            let v = super::objects::make_entity(it, &m, e.ti, e.rn.get(), &rec, e.stamp.get());
            if let Value::Object(c) = &v {
                let props: Vec<(Rc<str>, Value)> = o
                    .borrow()
                    .iter()
                    .map(|(k, v)| (k.clone(), v.clone()))
                    .collect();
                for (k, v) in props {
                    c.borrow_mut().insert(k, v);
                }
            }
            v
        }),
        "diff" => {
            let only = filter_arg(args.get(1));
            diff(it, o, e, args.first().unwrap_or(&Value::Undefined), &only)
        }
        "getDataClass" => model(it).map(|m| make_dataclass(it, &m, e.ti)),
        _ => return None,
    })
}
