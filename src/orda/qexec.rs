//! Running an ORDA query over stored records: attribute paths are bound to fields
//! once (through `relatedEntity` / `relatedEntities` hops and into object
//! fields), placeholders are replaced by the given values, then the tree is
//! evaluated over a candidate set. A comparison on an indexed field (`=`, `===`
//! and, for non-text values, `<`, `<=`, `>`, `>=`) reads the index; everything
//! else tests each candidate. Texts compare as 4D does (case and accents ignored,
//! `@` wildcard with `=`), by the same rules as the classic `QUERY`. A query
//! the database can answer exactly (`qpush`, `Inner::query_stored`: on
//! PostgreSQL, simple comparisons on fields of the dataclass without an index)
//! runs there instead, as one SQL `SELECT`.
//!
//! Also: sorting by attribute paths (`order by`, `.orderBy()`), and the
//! `queryPlan` / `queryPath` descriptions.

use super::model::{Kind, Model};
use super::objects::as_entity;
use super::qparse::{Arg, Node, Op, BAD_QUERY};
use crate::datastore::query::{compare_cells, matches, QOp};
use crate::datastore::store::{fold, Cell, Inner, Key};
use crate::datastore::structure::FieldType;
use crate::runtime::collate;
use crate::runtime::error::{err, RtResult};
use crate::runtime::interp::Interp;
use crate::runtime::value::{new_collection, new_object, text, Date, Value};
use std::cell::RefCell;
use std::cmp::Ordering;
use std::collections::{BTreeMap, HashMap};
use std::rc::Rc;

/// A path bound to the model: hops through relations, then a field and maybe a
/// path inside an object field (`[]` steps go through every collection element).
#[derive(Debug, Clone)]
pub struct Bound {
    pub ti: usize,
    pub hops: Vec<Kind>,
    pub fi: usize,
    pub sub: Vec<String>,
    pub text: String,
}

/// Binds `path` (`a.b.c`) starting at dataclass `ti`.
pub fn bind(m: &Model, ti: usize, path: &str) -> RtResult<Bound> {
    let mut cur = ti;
    let mut hops = Vec::new();
    let parts: Vec<&str> = path.split('.').collect();
    for (k, p) in parts.iter().enumerate() {
        let name = p.trim_end_matches("[]");
        if m.classes[cur].attr(name).is_none() {
            if let Some(alias) = m.classes[cur].alias(name) {
                // an alias attribute: its path, then the rest
                let mut full = alias.to_string();
                for rest in &parts[k + 1..] {
                    full.push('.');
                    full.push_str(rest);
                }
                let mut inner = bind(m, cur, &full)?;
                let mut all = hops;
                all.append(&mut inner.hops);
                inner.hops = all;
                inner.ti = ti;
                return Ok(inner);
            }
        }
        let Some(a) = m.classes[cur].attr(name) else {
            return err(
                BAD_QUERY,
                format!(
                    "Unknown attribute \"{}\" in dataclass {}",
                    name, m.classes[cur].name
                ),
            );
        };
        match a.kind {
            Kind::Storage(fi) => {
                return Ok(Bound {
                    ti,
                    hops,
                    fi,
                    sub: parts[k + 1..].iter().map(|s| s.to_string()).collect(),
                    text: format!("{}.{}", m.classes[cur].name, parts[k..].join(".")),
                })
            }
            Kind::One { target, pk, .. } => {
                hops.push(a.kind);
                if k + 1 == parts.len() {
                    // the related entity itself: compared by its key (null when
                    // there is no related entity)
                    return Ok(Bound {
                        ti,
                        hops,
                        fi: pk,
                        sub: Vec::new(),
                        text: format!("{}.{}", m.classes[cur].name, name),
                    });
                }
                cur = target;
            }
            Kind::Many { target, .. } => {
                hops.push(a.kind);
                cur = target;
            }
        }
    }
    err(
        BAD_QUERY,
        format!("\"{}\": an attribute path must end on an attribute", path),
    )
}

/// What a comparison compares with, converted for the field.
#[derive(Debug, Clone)]
pub(super) enum QVal {
    One(Cell),
    List(Vec<Cell>),
}

#[derive(Debug)]
pub(super) enum BNode {
    Cmp { path: Bound, op: Op, val: QVal },
    And(Box<BNode>, Box<BNode>),
    Or(Box<BNode>, Box<BNode>),
    Not(Box<BNode>),
}

/// Placeholder values: positional (`:1` is `pos[0]`), named, and attribute names.
#[derive(Default)]
pub struct Params {
    pub pos: Vec<Value>,
    pub named: HashMap<String, Value>,
    pub attrs: HashMap<String, Value>,
}

fn arg_value(a: &Arg, p: &Params, attr: bool) -> RtResult<Value> {
    Ok(match a {
        Arg::Lit(v) => v.clone(),
        Arg::Pos(n) => match p.pos.get(n - 1) {
            Some(v) => v.clone(),
            None => return err(BAD_QUERY, format!("No value given for placeholder :{}", n)),
        },
        Arg::Named(n) => {
            let map = if attr { &p.attrs } else { &p.named };
            match map.get(n) {
                Some(v) => v.clone(),
                None => return err(BAD_QUERY, format!("No value given for placeholder :{}", n)),
            }
        }
        Arg::List(items) => {
            let mut v = Vec::new();
            for i in items {
                v.push(arg_value(i, p, false)?);
            }
            Value::Collection(new_collection(v))
        }
    })
}

/// A query value as a stored value of field type `ty` (`sub`: inside an object).
fn to_cell(it: &Interp, m: &Model, v: &Value, ty: FieldType, sub: bool) -> Cell {
    if let Some((o, _)) = as_entity(it, v) {
        // an entity compared with a related-entity attribute: its key
        let n = super::objects::native_of(it, &o);
        if let Some(n) = n {
            let e = super::objects::entity_ref(&n);
            if let Some(pk) = m.classes[e.ti].pk {
                let name = m.field_name(e.ti, pk).to_string();
                let kv = o.borrow().get(name.as_str()).cloned().unwrap_or_default();
                return to_cell(it, m, &kv, m.field_type(e.ti, pk), false);
            }
        }
    }
    match v {
        Value::Null | Value::Undefined => Cell::Null,
        Value::Bool(b) => Cell::Bool(*b),
        // an integral number for an integer field compares as an integer
        Value::Int(i) if is_int(ty) && !sub => Cell::Int(*i as i64),
        Value::Real(r) if is_int(ty) && !sub && r.fract() == 0.0 && r.abs() < 9e15 => {
            Cell::Int(*r as i64)
        }
        Value::Int(i) => Cell::Real(*i as f64),
        Value::Real(r) => Cell::Real(*r),
        Value::Time(t) => Cell::Time(*t),
        Value::Date(d) => {
            if sub {
                Cell::Text(format!("{:04}-{:02}-{:02}", d.year, d.month, d.day))
            } else {
                Cell::Date(*d)
            }
        }
        Value::Text(s) if !sub => match ty {
            FieldType::Date => Cell::Date(parse_date(s).unwrap_or_default()),
            FieldType::Int | FieldType::Int16 | FieldType::Int64 | FieldType::Real => {
                match s.trim().parse::<f64>() {
                    Ok(n) => Cell::Real(n),
                    Err(_) => Cell::Text(s.to_string()),
                }
            }
            FieldType::Bool => Cell::Bool(s.eq_ignore_ascii_case("true")),
            _ => Cell::Text(s.to_string()),
        },
        Value::Text(s) => Cell::Text(s.to_string()),
        other => Cell::Text(crate::commands::json::stringify(other, false).unwrap_or_default()),
    }
}

fn is_int(ty: FieldType) -> bool {
    matches!(ty, FieldType::Int | FieldType::Int16 | FieldType::Int64)
}

fn parse_date(s: &str) -> Option<Date> {
    let p: Vec<u32> = s
        .split(['-', '/', 'T'])
        .take(3)
        .filter_map(|x| x.parse().ok())
        .collect();
    (p.len() == 3).then(|| Date {
        year: p[0] as u16,
        month: p[1] as u8,
        day: p[2] as u8,
    })
}

fn bind_node(it: &mut Interp, m: &Model, ti: usize, n: &Node, p: &Params) -> RtResult<BNode> {
    Ok(match n {
        Node::Cmp { path, op, val } => {
            let pv = arg_value(path, p, true)?;
            let Value::Text(ps) = &pv else {
                return err(BAD_QUERY, "An attribute path must be a text");
            };
            if let Some(&(_, f)) = m.classes[ti]
                .computed_query
                .iter()
                .find(|(n, _)| n == &**ps)
            {
                let v = arg_value(val, p, false)?;
                return computed_query(it, m, ti, ps, f, *op, v);
            }
            let b = bind(m, ti, ps)?;
            let last_ti = last_table(m, &b);
            let ty = m.field_type(last_ti, b.fi);
            let sub = !b.sub.is_empty() || ty == FieldType::Object;
            let v = arg_value(val, p, false)?;
            let val = match (&v, op) {
                (Value::Collection(c), Op::In) => QVal::List(
                    c.borrow()
                        .iter()
                        .map(|x| to_cell(it, m, x, ty, sub))
                        .collect(),
                ),
                (_, Op::In) => return err(BAD_QUERY, "IN needs a collection"),
                _ => QVal::One(to_cell(it, m, &v, ty, sub)),
            };
            BNode::Cmp {
                path: b,
                op: *op,
                val,
            }
        }
        Node::And(a, b) => BNode::And(
            Box::new(bind_node(it, m, ti, a, p)?),
            Box::new(bind_node(it, m, ti, b, p)?),
        ),
        Node::Or(a, b) => BNode::Or(
            Box::new(bind_node(it, m, ti, a, p)?),
            Box::new(bind_node(it, m, ti, b, p)?),
        ),
        Node::Not(a) => BNode::Not(Box::new(bind_node(it, m, ti, a, p)?)),
    })
}

/// A query on a computed attribute: its `Function query` gives the query to run
/// (a text, or an object with `query` and `parameters`), docs/ORDA/ordaClasses.md.
fn computed_query(
    it: &mut Interp,
    m: &Model,
    ti: usize,
    attr: &str,
    f: crate::compile::ir::MethodId,
    op: Op,
    v: Value,
) -> RtResult<BNode> {
    let ev = new_object();
    {
        let mut e = ev.borrow_mut();
        e.insert("attributeName".into(), text(attr));
        e.insert("dataClassName".into(), text(&*m.classes[ti].name));
        e.insert("kind".into(), text("query"));
        e.insert("value".into(), v);
        let sym = match op {
            Op::Eq => "==",
            Op::Ne => "!=",
            o => o.symbol(),
        };
        e.insert("operator".into(), text(sym));
    }
    let r = it.call_full(f, vec![Value::Object(ev)], 0, Value::Undefined, &[])?;
    let (q, params) = match &r {
        Value::Text(t) => (t.to_string(), Params::default()),
        Value::Object(o) => {
            let o = o.borrow();
            let q = match o.get("query") {
                Some(Value::Text(t)) => t.to_string(),
                _ => {
                    return err(
                        BAD_QUERY,
                        format!("Function query {}: no query returned", attr),
                    )
                }
            };
            let pos = match o.get("parameters") {
                Some(Value::Collection(c)) => c.borrow().clone(),
                _ => Vec::new(),
            };
            (
                q,
                Params {
                    pos,
                    ..Default::default()
                },
            )
        }
        _ => {
            return err(
                BAD_QUERY,
                format!("Function query {}: a text or an object is expected", attr),
            )
        }
    };
    let parsed = super::qparse::parse(&q)?;
    match &parsed.node {
        Some(n) => bind_node(it, m, ti, n, &params),
        None => err(BAD_QUERY, format!("Function query {}: empty query", attr)),
    }
}

/// `order by` keys with computed attributes replaced by what their `Function
/// orderBy` gives.
pub fn expand_order(
    it: &mut Interp,
    m: &Model,
    ti: usize,
    keys: &[(String, bool)],
) -> RtResult<Vec<(String, bool)>> {
    let mut out = Vec::new();
    for (k, desc) in keys {
        let Some(&(_, f)) = m.classes[ti].computed_order.iter().find(|(n, _)| n == k) else {
            out.push((k.clone(), *desc));
            continue;
        };
        let ev = new_object();
        {
            let mut e = ev.borrow_mut();
            e.insert("attributeName".into(), text(k.as_str()));
            e.insert("dataClassName".into(), text(&*m.classes[ti].name));
            e.insert("kind".into(), text("orderBy"));
            e.insert("value".into(), text(if *desc { "desc" } else { "asc" }));
            e.insert("operator".into(), text(if *desc { "desc" } else { "asc" }));
            e.insert("descending".into(), Value::Bool(*desc));
        }
        let r = it.call_full(f, vec![Value::Object(ev)], 0, Value::Undefined, &[])?;
        match r {
            Value::Text(t) => out.extend(super::qparse::parse_order(&t)?),
            _ => {
                return err(
                    BAD_QUERY,
                    format!("Function orderBy {}: a text is expected", k),
                )
            }
        }
    }
    Ok(out)
}

/// The dataclass whose field a bound path ends on.
pub fn last_table(m: &Model, b: &Bound) -> usize {
    let _ = m;
    match b.hops.last() {
        Some(Kind::One { target, .. }) | Some(Kind::Many { target, .. }) => *target,
        _ => b.ti,
    }
}

/// Field value → record numbers.
type KeyMap = BTreeMap<Key, Vec<i64>>;

/// Follows relations from record to records (with a key → records map per
/// target field, built on first use).
pub struct Walker<'g> {
    pub g: &'g Inner,
    maps: RefCell<HashMap<(usize, usize), Rc<KeyMap>>>,
}

impl<'g> Walker<'g> {
    pub fn new(g: &'g Inner) -> Walker<'g> {
        Walker {
            g,
            maps: RefCell::new(HashMap::new()),
        }
    }

    fn map(&self, ti: usize, fi: usize) -> Rc<BTreeMap<Key, Vec<i64>>> {
        if let Some(m) = self.maps.borrow().get(&(ti, fi)) {
            return m.clone();
        }
        let mut map: BTreeMap<Key, Vec<i64>> = BTreeMap::new();
        for (rn, r) in self.g.tables[ti].records.iter().enumerate() {
            if let Some(r) = r {
                map.entry(r[fi].key()).or_default().push(rn as i64);
            }
        }
        let m = Rc::new(map);
        self.maps.borrow_mut().insert((ti, fi), m.clone());
        m
    }

    /// Records reached from record `rn` of `ti` through one hop.
    pub fn hop(&self, ti: usize, rn: i64, k: &Kind, out: &mut Vec<i64>) {
        let Some(r) = self.g.tables[ti].get(rn) else {
            return;
        };
        match *k {
            Kind::One { target, fk, pk } => {
                if let Some(v) = self.map(target, pk).get(&r[fk].key()) {
                    out.extend(v.iter().take(1));
                }
            }
            Kind::Many { target, fk, key } => {
                if let Some(v) = self.map(target, fk).get(&r[key].key()) {
                    out.extend(v);
                }
            }
            Kind::Storage(_) => {}
        }
    }

    /// Every value a path has for record `rn` (several through `relatedEntities`
    /// or `[]`).
    pub fn values(&self, b: &Bound, rn: i64, out: &mut Vec<Cell>) {
        if b.hops.is_empty() && b.sub.is_empty() {
            if let Some(rec) = self.g.tables[b.ti].get(rn) {
                out.push(rec[b.fi].clone());
            }
            return;
        }
        let mut recs = vec![(b.ti, rn)];
        for h in &b.hops {
            let mut next = Vec::new();
            let target = match h {
                Kind::One { target, .. } | Kind::Many { target, .. } => *target,
                Kind::Storage(_) => continue,
            };
            for (t, r) in &recs {
                let mut v = Vec::new();
                self.hop(*t, *r, h, &mut v);
                next.extend(v.into_iter().map(|x| (target, x)));
            }
            recs = next;
        }
        for (t, r) in recs {
            let Some(rec) = self.g.tables[t].get(r) else {
                continue;
            };
            let c = &rec[b.fi];
            if b.sub.is_empty() {
                out.push(c.clone());
            } else if let Cell::Object(j) = c {
                if let Ok(j) = serde_json::from_str::<serde_json::Value>(j) {
                    json_values(&j, &b.sub, out);
                }
            } else {
                out.push(Cell::Null);
            }
        }
    }
}

fn json_values(j: &serde_json::Value, path: &[String], out: &mut Vec<Cell>) {
    let Some((first, rest)) = path.split_first() else {
        out.push(match j {
            serde_json::Value::Null => Cell::Null,
            serde_json::Value::Bool(b) => Cell::Bool(*b),
            serde_json::Value::Number(n) => Cell::Real(n.as_f64().unwrap_or(0.0)),
            serde_json::Value::String(s) => Cell::Text(s.clone()),
            other => Cell::Object(other.to_string()),
        });
        return;
    };
    let (name, all) = match first.strip_suffix("[]") {
        Some(n) => (n, true),
        None => (first.as_str(), false),
    };
    match j.get(name) {
        Some(serde_json::Value::Array(a)) if all => {
            for x in a {
                json_values(x, rest, out);
            }
        }
        Some(x) => json_values(x, rest, out),
        None => out.push(Cell::Null),
    }
}

pub(super) fn test(c: &Cell, op: Op, q: &QVal) -> bool {
    match q {
        QVal::List(items) => {
            op == Op::In && items.iter().any(|x| test(c, Op::Eq, &QVal::One(x.clone())))
        }
        QVal::One(Cell::Null) => match op {
            Op::Eq | Op::StrictEq => *c == Cell::Null,
            Op::Ne | Op::StrictNe => *c != Cell::Null,
            _ => false,
        },
        QVal::One(q) => {
            if *c == Cell::Null {
                return matches!(op, Op::Ne | Op::StrictNe);
            }
            match op {
                Op::Eq => matches(c, QOp::Eq, q),
                Op::Ne => !matches(c, QOp::Eq, q),
                Op::StrictEq => strict_eq(c, q),
                Op::StrictNe => !strict_eq(c, q),
                Op::Lt => matches(c, QOp::Lt, q),
                Op::Le => matches(c, QOp::Le, q),
                Op::Gt => matches(c, QOp::Gt, q),
                Op::Ge => matches(c, QOp::Ge, q),
                Op::Keyword => matches(c, QOp::Keyword, q),
                Op::In => false,
            }
        }
    }
}

fn strict_eq(c: &Cell, q: &Cell) -> bool {
    match (c, q) {
        (Cell::Text(a), Cell::Text(b)) => collate::compare(a, b) == Ordering::Equal,
        _ => compare_cells(c, q) == Ordering::Equal,
    }
}

/// A query plan step (`queryPlan` / `queryPath`).
struct Step {
    desc: String,
    found: usize,
    subs: Vec<Step>,
}

/// Runs a parsed query over `base` (sorted record numbers) or every record.
pub struct Run<'a, 'g> {
    m: &'a Model,
    w: Walker<'g>,
}

impl Run<'_, '_> {
    fn all(&self, ti: usize) -> Vec<i64> {
        self.w.g.tables[ti].all()
    }

    fn index_hits(&self, b: &Bound, op: Op, q: &QVal) -> Option<Vec<i64>> {
        if !b.hops.is_empty() || !b.sub.is_empty() {
            return None;
        }
        let idx = self.w.g.tables[b.ti].indexes.get(&b.fi)?;
        let QVal::One(q) = q else { return None };
        let mut v: Vec<i64> = match (op, q) {
            (Op::Eq, Cell::Text(s)) if s.contains('@') => {
                let prefix = s.strip_suffix('@')?;
                if prefix.contains('@') {
                    return None;
                }
                let p = fold(prefix);
                idx.range((Key::Text(p.clone()), i64::MIN)..)
                    .take_while(|(k, _)| matches!(k, Key::Text(t) if t.starts_with(&p)))
                    .map(|(_, rn)| *rn)
                    .collect()
            }
            (Op::Eq | Op::StrictEq, Cell::Null) => return None,
            (Op::Eq | Op::StrictEq, q) => {
                let k = q.key();
                idx.range((k.clone(), i64::MIN)..=(k, i64::MAX))
                    .map(|(_, rn)| *rn)
                    .collect()
            }
            (Op::Lt | Op::Le | Op::Gt | Op::Ge, Cell::Real(_) | Cell::Date(_) | Cell::Time(_)) => {
                let k = q.key();
                let lo = match k {
                    Key::Num(_) => Key::Num(i64::MIN),
                    _ => Key::Date(Date::default()),
                };
                let same_kind = |x: &Key| std::mem::discriminant(x) == std::mem::discriminant(&k);
                let it = idx.range((lo, i64::MIN)..).filter(|(x, _)| same_kind(x));
                match op {
                    Op::Lt => it.take_while(|(x, _)| *x < k).map(|(_, r)| *r).collect(),
                    Op::Le => it.take_while(|(x, _)| *x <= k).map(|(_, r)| *r).collect(),
                    Op::Gt => it.filter(|(x, _)| *x > k).map(|(_, r)| *r).collect(),
                    _ => it.filter(|(x, _)| *x >= k).map(|(_, r)| *r).collect(),
                }
            }
            _ => return None,
        };
        v.sort_unstable();
        Some(v)
    }

    fn eval(&self, n: &BNode, ti: usize, cand: Option<&[i64]>, plan: &mut Vec<Step>) -> Vec<i64> {
        match n {
            BNode::Cmp { path, op, val } => {
                let desc = self.describe(path, *op, val, cand.is_none());
                let join = path.hops.first().map(|h| self.join_text(path.ti, h));
                let hits = match (cand, self.index_hits(path, *op, val)) {
                    (None, Some(h)) => h,
                    (Some(c), Some(h)) if h.len() < c.len() / 4 => intersect(c, &h),
                    _ => {
                        let all;
                        let base = match cand {
                            Some(c) => c,
                            None => {
                                all = self.all(ti);
                                &all
                            }
                        };
                        let mut buf = Vec::new();
                        let direct = path.hops.is_empty() && path.sub.is_empty();
                        let data = &self.w.g.tables[path.ti];
                        base.iter()
                            .copied()
                            .filter(|&rn| {
                                if direct {
                                    // a field of the record itself: no copy
                                    return data
                                        .get(rn)
                                        .is_some_and(|r| test(&r[path.fi], *op, val));
                                }
                                buf.clear();
                                self.w.values(path, rn, &mut buf);
                                if buf.is_empty() {
                                    // no related record: compares as null
                                    buf.push(Cell::Null);
                                }
                                buf.iter().any(|c| test(c, *op, val))
                            })
                            .collect()
                    }
                };
                let step = Step {
                    desc,
                    found: hits.len(),
                    subs: Vec::new(),
                };
                plan.push(match join {
                    Some(j) => Step {
                        desc: j,
                        found: hits.len(),
                        subs: vec![step],
                    },
                    None => step,
                });
                hits
            }
            BNode::And(a, b) => {
                let mut subs = Vec::new();
                let x = self.eval(a, ti, cand, &mut subs);
                let y = self.eval(b, ti, Some(&x), &mut subs);
                plan.push(Step {
                    desc: "AND".into(),
                    found: y.len(),
                    subs,
                });
                y
            }
            BNode::Or(a, b) => {
                let mut subs = Vec::new();
                let x = self.eval(a, ti, cand, &mut subs);
                let y = self.eval(b, ti, cand, &mut subs);
                let r = union(&x, &y);
                plan.push(Step {
                    desc: "OR".into(),
                    found: r.len(),
                    subs,
                });
                r
            }
            BNode::Not(a) => {
                let mut subs = Vec::new();
                let x = self.eval(a, ti, cand, &mut subs);
                let all;
                let base = match cand {
                    Some(c) => c,
                    None => {
                        all = self.all(ti);
                        &all
                    }
                };
                let r = minus(base, &x);
                plan.push(Step {
                    desc: "NOT".into(),
                    found: r.len(),
                    subs,
                });
                r
            }
        }
    }

    fn join_text(&self, ti: usize, h: &Kind) -> String {
        let c = &self.m.classes;
        match *h {
            Kind::One { target, fk, pk } => format!(
                "Join on Table : {} : {}.{} = {}.{}",
                c[target].name,
                c[ti].name,
                self.m.field_name(ti, fk),
                c[target].name,
                self.m.field_name(target, pk)
            ),
            Kind::Many { target, fk, key } => format!(
                "Join on Table : {} : {}.{} = {}.{}",
                c[target].name,
                c[ti].name,
                self.m.field_name(ti, key),
                c[target].name,
                self.m.field_name(target, fk)
            ),
            Kind::Storage(_) => String::new(),
        }
    }

    fn describe(&self, b: &Bound, op: Op, v: &QVal, may_index: bool) -> String {
        let val = match v {
            QVal::One(c) => cell_text(c),
            QVal::List(l) => format!(
                "[{}]",
                l.iter().map(cell_text).collect::<Vec<_>>().join(",")
            ),
        };
        let last = last_table(self.m, b);
        let indexed = may_index
            && b.hops.is_empty()
            && b.sub.is_empty()
            && self.m.indexed(last, b.fi)
            && !matches!(op, Op::Ne | Op::StrictNe | Op::Keyword | Op::In);
        // as the docs show them: `==` for equality, `LIKE` with a wildcard
        let sym = match (op, v) {
            (Op::Eq, QVal::One(Cell::Text(t))) if t.contains('@') => "LIKE",
            (Op::Eq, _) => "==",
            _ => op.symbol(),
        };
        if indexed {
            format!("[index : {} ] {} {}", b.text, sym, val)
        } else {
            format!("{} {} {}", b.text, sym, val)
        }
    }
}

fn cell_text(c: &Cell) -> String {
    match c {
        Cell::Null => "null".into(),
        Cell::Bool(b) => b.to_string(),
        Cell::Int(i) => i.to_string(),
        Cell::Real(r) => crate::runtime::format::real(*r),
        Cell::Text(s) | Cell::Object(s) => s.clone(),
        Cell::Date(d) => format!("{:04}-{:02}-{:02}", d.year, d.month, d.day),
        Cell::Time(t) => t.to_string(),
        Cell::Blob(_) => "[blob]".into(),
    }
}

pub fn intersect(a: &[i64], b: &[i64]) -> Vec<i64> {
    let (mut i, mut j, mut out) = (0, 0, Vec::new());
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            Ordering::Less => i += 1,
            Ordering::Greater => j += 1,
            Ordering::Equal => {
                out.push(a[i]);
                i += 1;
                j += 1;
            }
        }
    }
    out
}

pub fn union(a: &[i64], b: &[i64]) -> Vec<i64> {
    let mut v: Vec<i64> = a.iter().chain(b).copied().collect();
    v.sort_unstable();
    v.dedup();
    v
}

pub fn minus(a: &[i64], b: &[i64]) -> Vec<i64> {
    a.iter()
        .copied()
        .filter(|x| b.binary_search(x).is_err())
        .collect()
}

/// The result of a query: record numbers (in query order, or sorted by the
/// query's `order by`), and the plan / path objects when asked for.
pub struct Outcome {
    pub recs: Vec<i64>,
    pub ordered: bool,
    pub plan: Option<Value>,
    pub path: Option<Value>,
}

/// Runs query text `q` on dataclass `ti` over `base` (None: every record).
pub fn run_query(
    it: &mut Interp,
    m: &Model,
    ti: usize,
    q: &str,
    params: &Params,
    base: Option<Vec<i64>>,
    (want_plan, want_path): (bool, bool),
) -> RtResult<Outcome> {
    let parsed = super::qparse::parse(q)?;
    let node = match &parsed.node {
        Some(n) => Some(bind_node(it, m, ti, n, params)?),
        None => None,
    };
    let keys = expand_order(it, m, ti, &parsed.order)?;
    let order = bind_order(m, ti, &keys)?;
    let started = std::time::Instant::now();
    let mut g = m.store.lock();
    let base = base.map(|mut b| {
        b.sort_unstable();
        b.dedup();
        b
    });
    // in the database when it can (not when a plan is asked for: it
    // describes the memory path's steps; not on an entity selection naming a
    // dropped entity, which the memory path's `not` keeps)
    let table = &g.tables[ti];
    let base_ok = |b: &Vec<i64>| !b.is_empty() && b.iter().all(|&rn| table.get(rn).is_some());
    let pushed = match &node {
        Some(n) if !want_plan && !want_path && base.as_ref().is_none_or(base_ok) => {
            let types: Vec<FieldType> = m.store.structure.tables[ti]
                .fields
                .iter()
                .map(|f| f.ty)
                .collect();
            super::qpush::pred(n, ti, &types).and_then(|p| g.query_stored(ti, &p, base.as_deref()))
        }
        _ => None,
    };
    let run = Run {
        m,
        w: Walker::new(&g),
    };
    let mut plan = Vec::new();
    let mut recs = match (&node, pushed) {
        (_, Some(found)) => found,
        (Some(n), None) => run.eval(n, ti, base.as_deref(), &mut plan),
        (None, None) => base.unwrap_or_else(|| run.all(ti)),
    };
    let ordered = !order.is_empty();
    if ordered {
        sort(&run.w, &mut recs, &order);
    }
    let ms = started.elapsed().as_millis() as i32;
    drop(g);
    Ok(Outcome {
        recs,
        ordered,
        plan: want_plan.then(|| plan_value(&plan, false, ms)),
        path: want_path.then(|| plan_value(&plan, true, ms)),
    })
}

fn plan_value(steps: &[Step], path: bool, ms: i32) -> Value {
    fn one(s: &Step, path: bool, ms: i32) -> Value {
        let o = new_object();
        {
            let mut m = o.borrow_mut();
            let composite = !s.subs.is_empty();
            if path {
                m.insert("description".into(), text(s.desc.clone()));
                m.insert("time".into(), Value::Int(ms));
                m.insert("recordsfounds".into(), Value::Int(s.found as i32));
                if composite {
                    let v = s.subs.iter().map(|x| one(x, path, ms)).collect();
                    m.insert("steps".into(), Value::Collection(new_collection(v)));
                }
            } else if composite {
                let key = if s.desc.starts_with("Join") {
                    "item"
                } else {
                    "description"
                };
                m.insert(key.into(), text(s.desc.clone()));
                let v = s.subs.iter().map(|x| one(x, path, ms)).collect();
                m.insert("subquery".into(), Value::Collection(new_collection(v)));
            } else {
                m.insert("item".into(), text(s.desc.clone()));
            }
        }
        Value::Object(o)
    }
    match steps.first() {
        Some(s) if path => {
            let o = new_object();
            o.borrow_mut().insert(
                "steps".into(),
                Value::Collection(new_collection(vec![one(s, true, ms)])),
            );
            Value::Object(o)
        }
        Some(s) => one(s, false, ms),
        None => Value::Object(new_object()),
    }
}

/// Binds `order by` keys.
pub fn bind_order(m: &Model, ti: usize, keys: &[(String, bool)]) -> RtResult<Vec<(Bound, bool)>> {
    keys.iter()
        .map(|(p, d)| Ok((bind(m, ti, p)?, *d)))
        .collect()
}

/// A sort key: texts as their collation key (byte order = 4D order).
enum SortKey {
    Text(Vec<u8>),
    Cell(Cell),
}

fn sort_key(c: Cell) -> SortKey {
    match c {
        Cell::Text(t) => SortKey::Text(collate::sort_key(&t)),
        c => SortKey::Cell(c),
    }
}

fn cmp_keys(a: &SortKey, b: &SortKey) -> Ordering {
    match (a, b) {
        (SortKey::Text(x), SortKey::Text(y)) => x.cmp(y),
        (SortKey::Cell(x), SortKey::Cell(y)) => compare_cells(x, y),
        (SortKey::Cell(x), SortKey::Text(_)) => x.key().cmp(&Key::Text(String::new())),
        (SortKey::Text(_), SortKey::Cell(y)) => Key::Text(String::new()).cmp(&y.key()),
    }
}

/// Sorts record numbers by bound paths (texts by 4D collation, nulls first);
/// the sort is stable.
pub fn sort(w: &Walker, recs: &mut Vec<i64>, keys: &[(Bound, bool)]) {
    let mut buf = Vec::new();
    let mut rows: Vec<(i64, Vec<SortKey>)> = recs
        .iter()
        .map(|&rn| {
            let ks = keys
                .iter()
                .map(|(b, _)| {
                    buf.clear();
                    w.values(b, rn, &mut buf);
                    sort_key(buf.drain(..).next().unwrap_or(Cell::Null))
                })
                .collect();
            (rn, ks)
        })
        .collect();
    rows.sort_by(|a, b| {
        for (k, (_, desc)) in keys.iter().enumerate() {
            let o = cmp_keys(&a.1[k], &b.1[k]);
            let o = if *desc { o.reverse() } else { o };
            if o != Ordering::Equal {
                return o;
            }
        }
        Ordering::Equal
    });
    *recs = rows.into_iter().map(|r| r.0).collect();
}
