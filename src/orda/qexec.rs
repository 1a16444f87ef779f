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
//!
//! This file runs a query ([`run_query`]); the parts are in `paths` (attribute
//! paths bound to fields, and walking them over records), `bind` (a parsed
//! query bound to the model, placeholders replaced), `eval` (evaluating it
//! over candidates, with the indexes), `plan` (the `queryPlan` / `queryPath`
//! descriptions) and `order` (sorting).

mod bind;
mod eval;
mod order;
mod paths;
mod plan;

pub use bind::Params;
pub(super) use bind::{BNode, QVal};
pub(super) use eval::test;
pub use eval::{intersect, minus, union};
pub use order::{bind_order, expand_order, sort};
pub use paths::{bind, last_table, Bound, Walker};

use super::model::Model;
use crate::datastore::structure::FieldType;
use crate::runtime::error::RtResult;
use crate::runtime::interp::Interp;
use crate::runtime::value::Value;
use bind::bind_node;
use eval::Run;
use plan::plan_value;

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
