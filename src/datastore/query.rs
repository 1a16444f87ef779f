//! `QUERY` and `QUERY SELECTION` of one process ([`ProcessDb::query`]): the
//! query lines ([`QueryLine`]), how a stored value matches one ([`matches()`],
//! 4D's rules, texts by `runtime::collate`), and where the lines run: in the
//! database when the backend can run them exactly as the memory path does
//! ([`super::pushdown::from_lines`], `Inner::query_stored`), else over the
//! records in memory, with the in-memory indexes for a line that searches
//! every record.

use super::process::ProcessDb;
use super::store::{Cell, Inner, Key, TableData};
use crate::runtime::collate;
use crate::runtime::error::RtResult;
use std::cmp::Ordering;
use std::collections::BTreeSet;

/// A comparison in a query.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum QOp {
    Eq,
    Ne,
    Lt,
    Le,
    Gt,
    Ge,
    /// `%`: keyword search.
    Keyword,
}

/// How a query line combines with the lines before it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Conj {
    First,
    And,
    Or,
    Except,
}

#[derive(Debug, Clone)]
pub struct QueryLine {
    pub conj: Conj,
    pub fi: usize,
    pub op: QOp,
    pub value: Cell,
}

/// A query line (for the unit tests of the modules that translate them).
#[cfg(test)]
pub(crate) fn line(conj: Conj, fi: usize, op: QOp, value: Cell) -> QueryLine {
    QueryLine {
        conj,
        fi,
        op,
        value,
    }
}

impl ProcessDb {
    /// Runs query lines over all records (`in_selection` false) or the selection:
    /// in the database when it can (`pushed_down`), else in memory
    /// (a line on an indexed field reads the index when it searches all records).
    pub fn query(&self, ti: usize, lines: &[QueryLine], in_selection: bool) -> RtResult<Vec<i64>> {
        let store = self.store()?;
        let mut g = self.lock_store(&store);
        if let Some(found) = self.pushed_down(&mut g, ti, lines, in_selection) {
            return Ok(found);
        }
        let data = &g.tables[ti];
        // what a line without index scans: made once, and only if needed (an
        // indexed query on a big table must not list all its records)
        let base = std::cell::OnceCell::new();
        let base = || {
            base.get_or_init(|| {
                if in_selection {
                    self.sorted_selection(ti)
                } else {
                    data.all()
                }
            })
        };
        let mut result: BTreeSet<i64> = BTreeSet::new();
        for (i, l) in lines.iter().enumerate() {
            let conj = if i == 0 { Conj::First } else { l.conj };
            // an AND or EXCEPT line only needs to test what is already found
            let candidates: Vec<i64> = match conj {
                Conj::And | Conj::Except => result.iter().copied().collect(),
                _ => Vec::new(),
            };
            let hits: BTreeSet<i64> = match conj {
                Conj::And | Conj::Except => candidates
                    .into_iter()
                    .filter(|&rn| {
                        data.get(rn)
                            .is_some_and(|r| matches(&r[l.fi], l.op, &l.value))
                    })
                    .collect(),
                _ => {
                    let via_index = if in_selection {
                        None
                    } else {
                        index_lookup(data, l)
                    };
                    match via_index {
                        Some(h) => h,
                        None => base()
                            .iter()
                            .copied()
                            .filter(|&rn| {
                                data.get(rn)
                                    .is_some_and(|r| matches(&r[l.fi], l.op, &l.value))
                            })
                            .collect(),
                    }
                }
            };
            result = match conj {
                Conj::First => hits,
                Conj::And => hits,
                Conj::Or => result.union(&hits).copied().collect(),
                Conj::Except => result.difference(&hits).copied().collect(),
            };
        }
        Ok(result.into_iter().collect())
    }

    /// The query run by the database, or `None` to run it in memory
    /// (`Inner::query_stored` says when). Not inside a 4D transaction of this
    /// process: it then sees the other instances' records as they were at the
    /// transaction's first operation, the database as they are now.
    fn pushed_down(
        &self,
        g: &mut Inner,
        ti: usize,
        lines: &[QueryLine],
        in_selection: bool,
    ) -> Option<Vec<i64>> {
        if self.in_transaction() {
            return None;
        }
        let pred = super::pushdown::from_lines(lines, &self.types(ti))?;
        if !in_selection {
            return g.query_stored(ti, &pred, None);
        }
        let sel = self.sorted_selection(ti);
        if sel.is_empty() {
            return Some(sel);
        }
        g.query_stored(ti, &pred, Some(&sel))
    }

    /// The current selection of table `ti` as a set: ascending, once each.
    fn sorted_selection(&self, ti: usize) -> Vec<i64> {
        let mut s = self.tables[ti].sel.clone();
        s.sort_unstable();
        s.dedup();
        s
    }
}

fn index_lookup(data: &TableData, l: &QueryLine) -> Option<BTreeSet<i64>> {
    let idx = data.indexes.get(&l.fi)?;
    if l.op != QOp::Eq {
        return None;
    }
    if let Cell::Text(s) = &l.value {
        if let Some(prefix) = s.strip_suffix('@') {
            if prefix.contains('@') {
                return None;
            }
            let p = super::store::fold(prefix);
            return Some(
                idx.range((Key::Text(p.clone()), i64::MIN)..)
                    .take_while(|(k, _)| matches!(k, Key::Text(t) if t.starts_with(&p)))
                    .map(|(_, rn)| *rn)
                    .collect(),
            );
        }
        if s.contains('@') {
            return None;
        }
    }
    let k = l.value.key();
    Some(
        idx.range((k.clone(), i64::MIN)..=(k, i64::MAX))
            .map(|(_, rn)| *rn)
            .collect(),
    )
}

/// Orders two stored values of one field (texts as 4D compares them).
pub fn compare_cells(a: &Cell, b: &Cell) -> Ordering {
    match (a, b) {
        (Cell::Text(x), Cell::Text(y)) => collate::compare(x, y),
        (Cell::Int(x), Cell::Int(y)) => x.cmp(y),
        (Cell::Real(x), Cell::Real(y)) => x.partial_cmp(y).unwrap_or(Ordering::Equal),
        (Cell::Date(x), Cell::Date(y)) => x.cmp(y),
        (Cell::Time(x), Cell::Time(y)) => x.cmp(y),
        (Cell::Bool(x), Cell::Bool(y)) => x.cmp(y),
        _ => a.key().cmp(&b.key()),
    }
}

/// Does a stored value satisfy `value op query`?
pub fn matches(v: &Cell, op: QOp, q: &Cell) -> bool {
    if let (Cell::Text(a), Cell::Text(b)) = (v, q) {
        return match op {
            QOp::Eq => collate::equals(a, b),
            QOp::Ne => !collate::equals(a, b),
            QOp::Keyword => collate::keyword(a, b),
            QOp::Lt => collate::compare_wild(a, b) == Ordering::Less,
            QOp::Le => collate::compare_wild(a, b) != Ordering::Greater,
            QOp::Gt => collate::compare_wild(a, b) == Ordering::Greater,
            QOp::Ge => collate::compare_wild(a, b) != Ordering::Less,
        };
    }
    let o = compare_cells(v, q);
    match op {
        QOp::Eq | QOp::Keyword => o == Ordering::Equal,
        QOp::Ne => o != Ordering::Equal,
        QOp::Lt => o == Ordering::Less,
        QOp::Le => o != Ordering::Greater,
        QOp::Gt => o == Ordering::Greater,
        QOp::Ge => o != Ordering::Less,
    }
}
