//! Entity selection functions (docs/API/EntitySelectionClass.md): `length`,
//! `[i]`, `For each`, `query()`, `orderBy()`, `orderByFormula()`, `first()`,
//! `last()`, `at()`, `slice()`, `add()`, `and()`, `or()`, `minus()`,
//! `contains()`, `distinct()`, `sum()`, `average()`, `min()`, `max()`,
//! `count()`, `toCollection()`, `extract()`, `copy()`, `drop()`, `isOrdered()`,
//! `isAlterable()`, `getDataClass()`, and attribute projection
//! (`$sel.name` is the collection of the names).

use super::entity::{filter_arg, to_object};
use super::model::{model, Kind, Model};
use super::objects::{
    as_entity, as_selection, entity_ref, load_entity, make_dataclass, make_selection, sel_ref,
    SelObj,
};
use super::qexec::{bind, bind_order, intersect, minus, sort, union, Walker};
use crate::datastore::cells::cell_to_value;
use crate::datastore::query::compare_cells;
use crate::datastore::store::Cell;
use crate::runtime::error::{err, RtResult};
use crate::runtime::interp::Interp;
use crate::runtime::oop::Meta;
use crate::runtime::value::{new_collection, new_object, Obj, Value};
use std::cmp::Ordering;

const CK_SHARED: i64 = 16;
const CK_KEEP_NULL: i64 = 1;
const DK_DIACRITICAL: i64 = 8;
const DK_COUNT_VALUES: i64 = 32;

fn recs(s: &SelObj) -> Vec<i64> {
    s.recs.borrow().clone()
}

fn derived(it: &mut Interp, m: &Model, s: &SelObj, recs: Vec<i64>, ordered: bool) -> Value {
    make_selection(it, m, s.ti, recs, ordered, true)
}

/// Record numbers and table of an entity or entity selection argument.
fn operand(it: &Interp, v: &Value) -> Option<(usize, Vec<i64>, bool)> {
    if let Some(n) = as_selection(it, v) {
        let s = sel_ref(&n);
        return Some((s.ti, recs(s), s.ordered.get()));
    }
    let (_, n) = as_entity(it, v)?;
    let e = entity_ref(&n);
    Some((e.ti, vec![e.rn.get()], false))
}

fn sorted(mut v: Vec<i64>) -> Vec<i64> {
    v.sort_unstable();
    v.dedup();
    v
}

/// The values of `path` for every entity (several per entity through
/// `relatedEntities`), as language values.
fn path_values(m: &Model, s: &SelObj, path: &str) -> RtResult<Vec<(Cell, Value)>> {
    let b = bind(m, s.ti, path)?;
    let last = super::qexec::last_table(m, &b);
    let ty = m.field_type(last, b.fi);
    let g = m.store.lock();
    let w = Walker::new(&g);
    let mut out = Vec::new();
    let mut buf = Vec::new();
    for &rn in s.recs.borrow().iter() {
        buf.clear();
        w.values(&b, rn, &mut buf);
        for c in buf.drain(..) {
            let v = if b.sub.is_empty() {
                cell_to_value(&c, ty)
            } else {
                sub_value(&c)
            };
            out.push((c, v));
        }
    }
    Ok(out)
}

fn sub_value(c: &Cell) -> Value {
    match c {
        Cell::Null => Value::Null,
        Cell::Bool(b) => Value::Bool(*b),
        Cell::Real(r) => Value::Real(*r),
        Cell::Int(i) => Value::Real(*i as f64),
        Cell::Text(t) => crate::runtime::value::text(t.as_str()),
        Cell::Object(j) => match serde_json::from_str(j) {
            Ok(j) => crate::commands::json::from_json(j),
            Err(_) => Value::Null,
        },
        _ => Value::Null,
    }
}

fn text_arg(args: &[Value], i: usize, f: &str) -> RtResult<String> {
    match args.get(i) {
        Some(Value::Text(t)) => Ok(t.to_string()),
        _ => err(
            super::BAD_ARG,
            format!(".{}(): an attribute path is expected", f),
        ),
    }
}

/// `toCollection(filter; options; begin; howMany)`.
pub fn to_collection(
    it: &mut Interp,
    sel: &Value,
    filter: &[String],
    opts: i64,
    begin: usize,
    how_many: Option<usize>,
) -> RtResult<Value> {
    let Some(n) = as_selection(it, sel) else {
        return Ok(Value::Collection(new_collection(Vec::new())));
    };
    let s = sel_ref(&n);
    let m = model(it)?;
    let rs = recs(s);
    let end = match how_many {
        Some(h) => (begin + h).min(rs.len()),
        None => rs.len(),
    };
    let mut out = Vec::with_capacity(end.saturating_sub(begin));
    for &rn in rs.get(begin..end).unwrap_or(&[]) {
        let ev = load_entity(it, &m, s.ti, rn);
        if let Some((o, en)) = as_entity(it, &ev) {
            out.push(to_object(it, &o, entity_ref(&en), filter, opts)?);
        }
    }
    Ok(Value::Collection(new_collection(out)))
}

fn order_keys(v: Option<&Value>) -> RtResult<Vec<(String, bool)>> {
    match v {
        Some(Value::Text(t)) => super::qparse::parse_order(t),
        Some(Value::Collection(c)) => Ok(c
            .borrow()
            .iter()
            .filter_map(|x| match x {
                Value::Object(o) => {
                    let o = o.borrow();
                    let p = match o.get("propertyPath") {
                        Some(Value::Text(t)) => t.to_string(),
                        _ => return None,
                    };
                    let d = o.get("descending").map(|d| d.truthy()).unwrap_or(false);
                    Some((p, d))
                }
                _ => None,
            })
            .collect()),
        _ => err(
            super::BAD_ARG,
            ".orderBy(): a text or a collection is expected",
        ),
    }
}

fn order_by_formula(it: &mut Interp, m: &Model, s: &SelObj, args: &[Value]) -> RtResult<Value> {
    let f = match args.first() {
        Some(Value::Object(f)) => match it.oo.meta_of(f) {
            Some(Meta::Formula(fv)) => fv,
            _ => return err(super::BAD_ARG, ".orderByFormula(): a formula is expected"),
        },
        Some(Value::Text(t)) => {
            let src = t.to_string();
            let v = it.formula_from_text(&src)?;
            match &v {
                Value::Object(o) => match it.oo.meta_of(o) {
                    Some(Meta::Formula(fv)) => fv,
                    _ => return err(super::BAD_ARG, ".orderByFormula(): bad formula"),
                },
                _ => return err(super::BAD_ARG, ".orderByFormula(): bad formula"),
            }
        }
        _ => return err(super::BAD_ARG, ".orderByFormula(): a formula is expected"),
    };
    let desc = super::num_arg(args, 1) == 1;
    let extra: Vec<Value> = match args.get(2) {
        Some(Value::Object(o)) => match o.borrow().get("args") {
            Some(a) => vec![a.clone()],
            None => Vec::new(),
        },
        _ => Vec::new(),
    };
    let mut rows = Vec::new();
    for rn in recs(s) {
        let e = load_entity(it, m, s.ti, rn);
        let k = it.call_formula(&f, e, extra.clone())?;
        rows.push((rn, k));
    }
    rows.sort_by(|a, b| {
        let o = crate::commands::collection::compare_values(&a.1, &b.1);
        if desc {
            o.reverse()
        } else {
            o
        }
    });
    Ok(derived(
        it,
        m,
        s,
        rows.into_iter().map(|r| r.0).collect(),
        true,
    ))
}

fn aggregate(
    it: &mut Interp,
    m: &Model,
    s: &SelObj,
    name: &str,
    args: &[Value],
) -> RtResult<Value> {
    let path = text_arg(args, 0, name)?;
    let vals = path_values(m, s, &path)?;
    let _ = it;
    let nums = || vals.iter().filter_map(|(_, v)| v.as_num());
    Ok(match name {
        "sum" => Value::Real(nums().sum()),
        "average" => {
            let n = nums().count();
            if n == 0 {
                Value::Undefined
            } else {
                Value::Real(nums().sum::<f64>() / n as f64)
            }
        }
        "count" => Value::Real(vals.iter().filter(|(c, _)| *c != Cell::Null).count() as f64),
        _ => {
            let want = if name == "min" {
                Ordering::Less
            } else {
                Ordering::Greater
            };
            let mut best: Option<&(Cell, Value)> = None;
            for x in vals.iter().filter(|(c, _)| *c != Cell::Null) {
                if best.is_none_or(|b| compare_cells(&x.0, &b.0) == want) {
                    best = Some(x);
                }
            }
            best.map(|b| b.1.clone()).unwrap_or(Value::Undefined)
        }
    })
}

fn distinct(m: &Model, s: &SelObj, args: &[Value]) -> RtResult<Value> {
    let path = text_arg(args, 0, "distinct")?;
    let opts = super::num_arg(args, 1);
    let mut vals: Vec<(Cell, Value)> = path_values(m, s, &path)?
        .into_iter()
        .filter(|(c, _)| *c != Cell::Null)
        .collect();
    let diacritical = opts & DK_DIACRITICAL != 0;
    let same = |a: &Cell, b: &Cell| match (a, b) {
        (Cell::Text(x), Cell::Text(y)) if diacritical => x == y,
        _ => compare_cells(a, b) == Ordering::Equal,
    };
    vals.sort_by(|a, b| match (&a.0, &b.0) {
        (Cell::Text(x), Cell::Text(y)) if diacritical => {
            compare_cells(&a.0, &b.0).then_with(|| x.cmp(y))
        }
        _ => compare_cells(&a.0, &b.0),
    });
    let mut out: Vec<(Cell, Value, usize)> = Vec::new();
    for (c, v) in vals {
        match out.last_mut() {
            Some(l) if same(&l.0, &c) => l.2 += 1,
            _ => out.push((c, v, 1)),
        }
    }
    let v = out
        .into_iter()
        .map(|(_, v, n)| {
            if opts & DK_COUNT_VALUES != 0 {
                let o = new_object();
                o.borrow_mut().insert("value".into(), v);
                o.borrow_mut().insert("count".into(), Value::Real(n as f64));
                Value::Object(o)
            } else {
                v
            }
        })
        .collect();
    Ok(Value::Collection(new_collection(v)))
}

fn extract(it: &mut Interp, m: &Model, s: &SelObj, args: &[Value]) -> RtResult<Value> {
    // extract(path {; option}) or extract(path; target {; path; target...})
    let multi = matches!(args.get(1), Some(Value::Text(_)));
    if !multi {
        let path = text_arg(args, 0, "extract")?;
        let keep_null = super::num_arg(args, 1) & CK_KEEP_NULL != 0;
        let b = bind(m, s.ti, &path)?;
        let mut out = Vec::new();
        if b.hops.iter().any(|h| matches!(h, Kind::Many { .. })) || !b.sub.is_empty() {
            for (c, v) in path_values(m, s, &path)? {
                if keep_null || c != Cell::Null {
                    out.push(v);
                }
            }
        } else {
            for rn in recs(s) {
                let e = load_entity(it, m, s.ti, rn);
                let v = entity_path(it, &e, &path)?;
                if keep_null || !matches!(v, Value::Null | Value::Undefined) {
                    out.push(v);
                }
            }
        }
        return Ok(Value::Collection(new_collection(out)));
    }
    let pairs: Vec<(String, String)> = args
        .chunks(2)
        .filter_map(|p| match (p.first(), p.get(1)) {
            (Some(Value::Text(a)), Some(Value::Text(b))) => Some((a.to_string(), b.to_string())),
            _ => None,
        })
        .collect();
    let mut out = Vec::new();
    for rn in recs(s) {
        let e = load_entity(it, m, s.ti, rn);
        let o = new_object();
        for (p, t) in &pairs {
            let v = entity_path(it, &e, p)?;
            o.borrow_mut().insert(t.as_str().into(), v);
        }
        out.push(Value::Object(o));
    }
    Ok(Value::Collection(new_collection(out)))
}

/// Reads `a.b.c` on an entity through the interpreter (related attributes included).
pub fn entity_path(it: &mut Interp, e: &Value, path: &str) -> RtResult<Value> {
    let mut v = e.clone();
    for p in path.split('.') {
        v = match &v {
            Value::Object(o) => {
                let own = o.borrow().get(p).cloned();
                match own {
                    Some(x) => x,
                    None => it.member_fallback(o, p)?,
                }
            }
            _ => return Ok(Value::Null),
        };
    }
    Ok(v)
}

fn drop_all(it: &mut Interp, m: &Model, s: &SelObj, args: &[Value]) -> RtResult<Value> {
    let stop_first = super::num_arg(args, 0) & 1 != 0;
    let mut failed = Vec::new();
    for rn in recs(s) {
        let store = m.store.clone();
        let mut g = store.lock();
        if g.tables[s.ti].get(rn).is_none() {
            continue;
        }
        if g.other_owner(s.ti, rn, it.db.owner.pid).is_some() {
            failed.push(rn);
            if stop_first {
                break;
            }
            continue;
        }
        it.db.write(&mut g, s.ti, rn, None)?;
    }
    Ok(make_selection(it, m, s.ti, failed, false, false))
}

/// An entity selection function; `None`: no such function.
pub fn call(
    it: &mut Interp,
    o: &Obj,
    s: &SelObj,
    name: &str,
    args: Vec<Value>,
) -> Option<RtResult<Value>> {
    let m = match model(it) {
        Ok(m) => m,
        Err(e) => return Some(Err(e)),
    };
    Some(match name {
        "query" => super::dataclass::query(it, &m, s.ti, Some(recs(s)), &args),
        "orderBy" => (|| {
            let keys = super::qexec::expand_order(it, &m, s.ti, &order_keys(args.first())?)?;
            let keys = bind_order(&m, s.ti, &keys)?;
            let mut rs = recs(s);
            {
                let g = m.store.lock();
                sort(&Walker::new(&g), &mut rs, &keys);
            }
            Ok(derived(it, &m, s, rs, true))
        })(),
        "orderByFormula" => order_by_formula(it, &m, s, &args),
        "first" | "last" => {
            let rs = s.recs.borrow();
            let rn = if name == "first" {
                rs.first()
            } else {
                rs.last()
            }
            .copied();
            drop(rs);
            Ok(match rn {
                Some(rn) => load_entity(it, &m, s.ti, rn),
                None => Value::Null,
            })
        }
        "at" => {
            let n = s.recs.borrow().len() as i64;
            let mut i = super::num_arg(&args, 0);
            if i < 0 {
                i += n;
            }
            let rn = s.recs.borrow().get(i as usize).copied();
            Ok(match rn {
                Some(rn) if i >= 0 => load_entity(it, &m, s.ti, rn),
                _ => Value::Undefined,
            })
        }
        "slice" => {
            let rs = recs(s);
            let n = rs.len() as i64;
            let norm = |x: i64| if x < 0 { (x + n).max(0) } else { x.min(n) } as usize;
            let b = norm(super::num_arg(&args, 0));
            let e = if args.len() > 1 {
                norm(super::num_arg(&args, 1))
            } else {
                n as usize
            };
            let part = if b < e { rs[b..e].to_vec() } else { Vec::new() };
            Ok(derived(it, &m, s, part, s.ordered.get()))
        }
        "add" => {
            if s.shareable {
                return Some(err(
                    super::NOT_ALTERABLE,
                    ".add(): this entity selection is shareable, it cannot be altered (use .copy())",
                ));
            }
            match operand(it, args.first().unwrap_or(&Value::Undefined)) {
                Some((ti, r, _)) if ti == s.ti => {
                    s.recs.borrow_mut().extend(r);
                    Ok(Value::Object(o.clone()))
                }
                _ => err(
                    super::BAD_ARG,
                    ".add(): an entity or entity selection of the same dataclass is expected",
                ),
            }
        }
        "and" | "or" | "minus" => match operand(it, args.first().unwrap_or(&Value::Undefined)) {
            Some((ti, r, _)) if ti == s.ti => {
                let mine = recs(s);
                let keep_order = super::num_arg(&args, 1) == 1;
                let other = sorted(r);
                let out = match name {
                    "and" if keep_order => mine
                        .into_iter()
                        .filter(|x| other.binary_search(x).is_ok())
                        .collect(),
                    "and" => intersect(&sorted(mine), &other),
                    "or" if keep_order => {
                        let mut v = mine.clone();
                        let m2 = sorted(mine);
                        v.extend(other.into_iter().filter(|x| m2.binary_search(x).is_err()));
                        v
                    }
                    "or" => union(&sorted(mine), &other),
                    _ if keep_order || s.ordered.get() => mine
                        .into_iter()
                        .filter(|x| other.binary_search(x).is_err())
                        .collect(),
                    _ => minus(&sorted(mine), &other),
                };
                let ordered = keep_order || (name == "minus" && s.ordered.get());
                Ok(derived(it, &m, s, out, ordered))
            }
            _ => err(
                super::BAD_ARG,
                format!(
                    ".{}(): an entity or entity selection of the same dataclass is expected",
                    name
                ),
            ),
        },
        "contains" => Ok(Value::Bool(
            match as_entity(it, args.first().unwrap_or(&Value::Undefined)) {
                Some((_, n)) => {
                    let e = entity_ref(&n);
                    e.ti == s.ti && s.recs.borrow().contains(&e.rn.get())
                }
                None => false,
            },
        )),
        "distinct" => distinct(&m, s, &args),
        "sum" | "average" | "min" | "max" | "count" => aggregate(it, &m, s, name, &args),
        "toCollection" => {
            // toCollection(filter; options; begin; howMany) or toCollection(options; ...)
            let (filter, rest) = match args.first() {
                Some(Value::Text(_)) | Some(Value::Collection(_)) => (filter_arg(args.first()), 1),
                _ => (Vec::new(), 0),
            };
            let opts = super::num_arg(&args, rest);
            let begin = super::num_arg(&args, rest + 1).max(0) as usize;
            let how = args
                .get(rest + 2)
                .map(|v| v.as_num().unwrap_or(0.0).max(0.0) as usize);
            to_collection(it, &Value::Object(o.clone()), &filter, opts, begin, how)
        }
        "extract" => extract(it, &m, s, &args),
        "copy" => {
            let shared = super::num_arg(&args, 0) & CK_SHARED != 0;
            Ok(make_selection(
                it,
                &m,
                s.ti,
                recs(s),
                s.ordered.get(),
                shared,
            ))
        }
        "drop" => drop_all(it, &m, s, &args),
        "isOrdered" => Ok(Value::Bool(s.ordered.get())),
        "isAlterable" => Ok(Value::Bool(!s.shareable)),
        "getDataClass" => Ok(make_dataclass(it, &m, s.ti)),
        _ => return None,
    })
}

/// `$sel.attr`: the values of a storage attribute (a collection), the related
/// entities of a relation attribute (an entity selection); `length`.
pub fn get(it: &mut Interp, s: &SelObj, name: &str) -> RtResult<Value> {
    if name == "length" {
        return Ok(Value::Real(s.recs.borrow().len() as f64));
    }
    let m = model(it)?;
    let Some(a) = m.classes[s.ti].attr(name).cloned() else {
        if let Some(path) = m.classes[s.ti].alias(name) {
            // an alias: the values of its path
            let path = path.to_string();
            let v = path_values(&m, s, &path)?
                .into_iter()
                .map(|(_, v)| v)
                .collect();
            return Ok(Value::Collection(new_collection(v)));
        }
        return Ok(Value::Undefined);
    };
    match a.kind {
        Kind::Storage(_) => {
            let v = path_values(&m, s, name)?
                .into_iter()
                .map(|(_, v)| v)
                .collect();
            Ok(Value::Collection(new_collection(v)))
        }
        Kind::One { target, .. } | Kind::Many { target, .. } => {
            let g = m.store.lock();
            let w = Walker::new(&g);
            let mut out = Vec::new();
            for &rn in s.recs.borrow().iter() {
                w.hop(s.ti, rn, &a.kind, &mut out);
            }
            drop(g);
            let out = sorted(out);
            Ok(make_selection(it, &m, target, out, false, true))
        }
    }
}

/// `$sel[i]`.
pub fn index(it: &mut Interp, s: &SelObj, i: &Value) -> Option<RtResult<Value>> {
    let i = i.as_num()? as i64;
    let rn = s.recs.borrow().get(i.max(0) as usize).copied();
    let n = s.recs.borrow().len();
    Some(match rn {
        Some(rn) if i >= 0 => model(it).map(|m| load_entity(it, &m, s.ti, rn)),
        _ => err(
            crate::runtime::error::codes::OUT_OF_RANGE,
            format!("Entity selection index out of range: {} (length {})", i, n),
        ),
    })
}

pub fn item(it: &mut Interp, s: &SelObj, i: usize) -> RtResult<Value> {
    let rn = s.recs.borrow().get(i).copied();
    match rn {
        Some(rn) => model(it).map(|m| load_entity(it, &m, s.ti, rn)),
        None => Ok(Value::Null),
    }
}
