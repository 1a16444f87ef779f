//! An ORDA query as a backend runs it ([`crate::datastore::pushdown::Pred`]):
//! a bound query tree ([`super::qexec`]) whose comparisons are all on storage
//! attributes of the dataclass itself (no relation hop, no path into an object
//! field, no computed attribute: those are already expanded when bound), with
//! values of the attribute's own kind. `IN` becomes an OR of `=`; a comparison
//! with null is decided here (a pushable field never holds null in memory:
//! `Inner::pushdown` checks it), `%` on a text runs in memory.

use super::qexec::{test, BNode, QVal};
use super::qparse::Op;
use crate::datastore::pushdown::{Cmp, Leaf, Pred, MAX_LEAVES};
use crate::datastore::store::Cell;
use crate::datastore::structure::FieldType;

/// The backend query of `n` on table `ti` whose field types are `types`, if
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
    let q = match val {
        QVal::List(items) => {
            if op != Op::In {
                return Some(Pred::Const(false));
            }
            let mut acc: Option<Pred> = None;
            for x in items {
                let p = compare(fi, ty, Op::Eq, &QVal::One(x.clone()))?;
                acc = Some(match acc {
                    None => p,
                    Some(a) => Pred::Or(Box::new(a), Box::new(p)),
                });
            }
            return Some(acc.unwrap_or(Pred::Const(false)));
        }
        QVal::One(Cell::Null) => {
            return Some(Pred::Const(matches!(op, Op::Ne | Op::StrictNe)));
        }
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
        Op::In => return Some(Pred::Const(false)),
    };
    let one = QVal::One(q.clone());
    let leaf = Leaf::new(fi, ty, cmp, q.clone(), |c| test(c, positive, &one))?;
    let p = Pred::Leaf(leaf);
    Some(if negate { Pred::Not(Box::new(p)) } else { p })
}
