//! Binding a parsed ORDA query to the model: attribute paths to fields,
//! placeholders to the given values, values converted for the field they are
//! compared with, and computed attributes replaced by the query their
//! `Function query` gives.

use super::paths::{bind, last_table, Bound};
use crate::datastore::store::Cell;
use crate::datastore::structure::FieldType;
use crate::orda::model::Model;
use crate::orda::objects::as_entity;
use crate::orda::qparse::{Arg, Node, Op, BAD_QUERY};
use crate::runtime::error::{err, RtResult};
use crate::runtime::interp::Interp;
use crate::runtime::value::{new_collection, new_object, text, Date, Value};
use std::collections::HashMap;

/// What a comparison compares with, converted for the field.
#[derive(Debug, Clone)]
pub(in crate::orda) enum QVal {
    One(Cell),
    List(Vec<Cell>),
}

#[derive(Debug)]
pub(in crate::orda) enum BNode {
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
        let n = crate::orda::objects::native_of(it, &o);
        if let Some(n) = n {
            let e = crate::orda::objects::entity_ref(&n);
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

pub(super) fn bind_node(
    it: &mut Interp,
    m: &Model,
    ti: usize,
    n: &Node,
    p: &Params,
) -> RtResult<BNode> {
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
    let parsed = crate::orda::qparse::parse(&q)?;
    match &parsed.node {
        Some(n) => bind_node(it, m, ti, n, &params),
        None => err(BAD_QUERY, format!("Function query {}: empty query", attr)),
    }
}
