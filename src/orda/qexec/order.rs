//! Sorting by ORDA attribute paths (`order by`, `.orderBy()`): computed
//! attributes replaced by what their `Function orderBy` gives, keys bound,
//! record numbers sorted by 4D collation.

use super::paths::{bind, Bound, Walker};
use crate::datastore::query::compare_cells;
use crate::datastore::store::{Cell, Key};
use crate::orda::model::Model;
use crate::orda::qparse::BAD_QUERY;
use crate::runtime::collate;
use crate::runtime::error::{err, RtResult};
use crate::runtime::interp::Interp;
use crate::runtime::value::{new_object, text, Value};
use std::cmp::Ordering;

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
            Value::Text(t) => out.extend(crate::orda::qparse::parse_order(&t)?),
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
