//! An ORDA query as the database runs it ([`crate::datastore::pushdown::Pred`]):
//! a bound query tree ([`super::qexec`]) whose comparisons are all on storage
//! attributes of the dataclass itself (no relation hop, no path into an object
//! field; computed attributes and aliases are already expanded when bound),
//! with values the SQL side compares exactly (`pushdown::Leaf::new`).
//!
//! ORDA's rules, which differ from `QUERY`'s, are kept by computing each
//! comparison's answer for the field's empty value with `qexec::test` itself
//! (a NULL column is read back as that value). A stored null answers only `#`,
//! `!=`, `!==` (`<` does not find it); a pushed field never holds one in
//! memory (`pushdown::native`, checked by `Inner::query_stored`), so:
//! - a comparison with null is decided here ([`Pred::Fixed`]: `= null` finds
//!   nothing, `# null` everything);
//! - `IN` becomes an OR of `=` (an empty collection finds nothing);
//! - `#`, `!==` and `!=` are the negations of `=` and `===` (two-valued SQL);
//! - `%` on a text (a word search) runs in memory; on another type it is `=`.

use super::qexec::{test, BNode, QVal};
use super::qparse::Op;
use crate::datastore::pushdown::{Cmp, Leaf, Pred, MAX_LEAVES};
use crate::datastore::store::Cell;
use crate::datastore::structure::FieldType;

/// The database query of `n` on table `ti` whose field types are `types`, if
/// every comparison is pushable.
pub(super) fn pred(n: &BNode, ti: usize, types: &[FieldType]) -> Option<Pred> {
    let p = node(n, ti, types)?;
    (p.leaves() <= MAX_LEAVES).then_some(p)
}

fn node(n: &BNode, ti: usize, types: &[FieldType]) -> Option<Pred> {
    Some(match n {
        BNode::And(a, b) => Pred::And(Box::new(node(a, ti, types)?), Box::new(node(b, ti, types)?)),
        BNode::Or(a, b) => Pred::Or(Box::new(node(a, ti, types)?), Box::new(node(b, ti, types)?)),
        BNode::Not(a) => Pred::Not(Box::new(node(a, ti, types)?)),
        BNode::Cmp { path, op, val } => {
            if path.ti != ti || !path.hops.is_empty() || !path.sub.is_empty() {
                return None;
            }
            let ty = *types.get(path.fi)?;
            compare(path.fi, ty, *op, val)?
        }
    })
}

fn compare(fi: usize, ty: FieldType, op: Op, val: &QVal) -> Option<Pred> {
    // pictures, blobs and objects (which may hold null) run in memory
    if matches!(ty, FieldType::Picture | FieldType::Blob | FieldType::Object) {
        return None;
    }
    let fixed = |holds| Some(Pred::Fixed { fi, holds });
    let q = match val {
        QVal::List(items) => {
            if op != Op::In {
                return fixed(false);
            }
            if items.len() > MAX_LEAVES {
                return None;
            }
            let mut acc: Option<Pred> = None;
            for x in items {
                let p = compare(fi, ty, Op::Eq, &QVal::One(x.clone()))?;
                acc = Some(match acc {
                    None => p,
                    Some(a) => Pred::Or(Box::new(a), Box::new(p)),
                });
            }
            return acc.or(Some(Pred::Fixed { fi, holds: false }));
        }
        QVal::One(Cell::Null) => return fixed(matches!(op, Op::Ne | Op::StrictNe)),
        QVal::One(q) => q,
    };
    let (cmp, positive, negate) = match op {
        Op::Eq => (Cmp::Eq, Op::Eq, false),
        Op::Ne => (Cmp::Eq, Op::Eq, true),
        Op::StrictEq => (Cmp::Same, Op::StrictEq, false),
        Op::StrictNe => (Cmp::Same, Op::StrictEq, true),
        Op::Lt => (Cmp::Lt, Op::Lt, false),
        Op::Le => (Cmp::Le, Op::Le, false),
        Op::Gt => (Cmp::Gt, Op::Gt, false),
        Op::Ge => (Cmp::Ge, Op::Ge, false),
        Op::Keyword if ty == FieldType::Text => return None,
        Op::Keyword => (Cmp::Eq, Op::Keyword, false),
        // `in` with a single value: `test` finds nothing
        Op::In => return fixed(false),
    };
    let one = QVal::One(q.clone());
    let leaf = Leaf::new(fi, ty, cmp, q.clone(), |c| test(c, positive, &one))?;
    let p = Pred::Leaf(leaf);
    Some(if negate { Pred::Not(Box::new(p)) } else { p })
}
