//! Evaluating a bound ORDA query over candidate records: one comparison on a
//! value ([`test`], ORDA's NULL rules), a comparison read from the index when
//! it can be, and the `and` / `or` / `not` of record number sets.

use super::bind::{BNode, QVal};
use super::paths::{Bound, Walker};
use super::plan::Step;
use crate::datastore::query::{compare_cells, matches, QOp};
use crate::datastore::store::{fold, Cell, Key};
use crate::orda::model::Model;
use crate::orda::qparse::Op;
use crate::runtime::collate;
use crate::runtime::value::Date;
use std::cmp::Ordering;

pub(in crate::orda) fn test(c: &Cell, op: Op, q: &QVal) -> bool {
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

/// Runs a parsed query over `base` (sorted record numbers) or every record.
pub(super) struct Run<'a, 'g> {
    pub(super) m: &'a Model,
    pub(super) w: Walker<'g>,
}

impl Run<'_, '_> {
    pub(super) fn all(&self, ti: usize) -> Vec<i64> {
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

    pub(super) fn eval(
        &self,
        n: &BNode,
        ti: usize,
        cand: Option<&[i64]>,
        plan: &mut Vec<Step>,
    ) -> Vec<i64> {
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
