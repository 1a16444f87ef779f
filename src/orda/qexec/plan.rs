//! The `queryPlan` / `queryPath` descriptions of an ORDA query: the steps the
//! evaluation went through, how each is described, and the objects given back.

use super::bind::QVal;
use super::eval::Run;
use super::paths::{last_table, Bound};
use crate::datastore::store::Cell;
use crate::orda::model::Kind;
use crate::orda::qparse::Op;
use crate::runtime::value::{new_collection, new_object, text, Value};

/// A query plan step (`queryPlan` / `queryPath`).
pub(super) struct Step {
    pub(super) desc: String,
    pub(super) found: usize,
    pub(super) subs: Vec<Step>,
}

impl Run<'_, '_> {
    pub(super) fn join_text(&self, ti: usize, h: &Kind) -> String {
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

    pub(super) fn describe(&self, b: &Bound, op: Op, v: &QVal, may_index: bool) -> String {
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

pub(super) fn plan_value(steps: &[Step], path: bool, ms: i32) -> Value {
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
