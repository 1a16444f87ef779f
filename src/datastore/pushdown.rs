//! Queries a backend can run itself ("pushed down"): the criteria of a
//! `QUERY` / `QUERY SELECTION` (its [`QueryLine`]s) or of an ORDA `.query()`
//! (`crate::orda::qpush`) as a tree of simple field comparisons, [`Pred`], built
//! only when the backend's answer is certain to be the memory path's: every
//! comparison is on a field of the table itself, with a value of the field's own
//! kind, on a field type the SQL side stores as 4D compares it (not pictures,
//! blobs or objects; texts through their folded shadow column, see
//! [`super::pg_query`]). Anything else returns `None` and runs in memory
//! (`ProcessDb::query`, `orda::qexec`).
//!
//! Each comparison carries [`Leaf::empty`]: whether the field's empty value
//! satisfies it, computed by the memory path's own test. A column the database
//! holds as NULL (a field added to the catalog after the record was written, or
//! a value of another type) is read back as the empty value, so the SQL tests
//! `NULL` with that answer and every comparison stays two-valued (`NOT` and
//! `EXCEPT` are then exact).
//!
//! [`super::store::Inner::pushdown`] decides whether to ask the backend at all
//! (no write of a 4D transaction still in memory only, no cell of another kind
//! in memory for these fields).

use super::process::{matches, Conj, QOp, QueryLine};
use super::store::Cell;
use super::structure::FieldType;

/// A comparison of a field with a value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cmp {
    /// `=`: texts case- and accent-insensitive, with the `@` wildcard.
    Eq,
    /// ORDA's `===`: texts case- and accent-insensitive, `@` a plain character.
    Same,
    Lt,
    Le,
    Gt,
    Ge,
}

#[derive(Debug, Clone)]
pub struct Leaf {
    pub fi: usize,
    pub ty: FieldType,
    pub op: Cmp,
    pub value: Cell,
    /// Whether the field's empty value satisfies the comparison.
    pub empty: bool,
}

/// A query as the backend runs it.
#[derive(Debug, Clone)]
pub enum Pred {
    Leaf(Leaf),
    Const(bool),
    And(Box<Pred>, Box<Pred>),
    Or(Box<Pred>, Box<Pred>),
    Not(Box<Pred>),
}

/// At most this many comparisons are pushed down in one query (a longer one,
/// e.g. `QUERY WITH ARRAY` with a big array, runs in memory).
pub const MAX_LEAVES: usize = 1000;

/// Whether a value of a field of type `ty` is compared the same way by the SQL
/// side: a value of the field's own kind, or a number for an integer or time
/// field (compared as reals, as the memory path's keys do). A real that is NaN
/// or negative zero is not (the memory path orders them by their bits).
pub fn pushable(ty: FieldType, v: &Cell) -> bool {
    match (ty, v) {
        (FieldType::Bool, Cell::Bool(_)) => true,
        (FieldType::Int16 | FieldType::Int | FieldType::Int64, Cell::Int(_)) => true,
        (FieldType::Time, Cell::Time(_)) => true,
        (FieldType::Int16 | FieldType::Int | FieldType::Int64 | FieldType::Time, Cell::Real(r)) => {
            r.is_finite() && !(*r == 0.0 && r.is_sign_negative())
        }
        (FieldType::Int16 | FieldType::Int | FieldType::Int64, Cell::Time(_)) => true,
        (FieldType::Time, Cell::Int(_)) => true,
        (FieldType::Real, Cell::Real(r)) => !r.is_nan(),
        (FieldType::Date, Cell::Date(_)) => true,
        (FieldType::Text, Cell::Text(_)) => true,
        _ => false,
    }
}

/// Whether a stored cell is of the kind a field of type `ty` holds (what the
/// database gives back for it): the memory path compares any other cell by
/// other rules, so a field with such a cell is not pushed down.
pub fn native(ty: FieldType, c: &Cell) -> bool {
    matches!(
        (ty, c),
        (FieldType::Bool, Cell::Bool(_))
            | (
                FieldType::Int16 | FieldType::Int | FieldType::Int64,
                Cell::Int(_)
            )
            | (FieldType::Real, Cell::Real(_))
            | (FieldType::Date, Cell::Date(_))
            | (FieldType::Time, Cell::Time(_))
            | (FieldType::Text, Cell::Text(_))
            | (FieldType::Picture | FieldType::Blob, Cell::Blob(_))
            | (FieldType::Object, Cell::Object(_) | Cell::Null)
    )
}

impl Leaf {
    /// The comparison `field op value`, if pushable; `test` is the memory
    /// path's test of one stored cell (to know what the empty value gives).
    pub fn new(
        fi: usize,
        ty: FieldType,
        op: Cmp,
        value: Cell,
        test: impl Fn(&Cell) -> bool,
    ) -> Option<Leaf> {
        if !pushable(ty, &value) {
            return None;
        }
        let empty = test(&Cell::empty(ty));
        Some(Leaf {
            fi,
            ty,
            op,
            value,
            empty,
        })
    }
}

impl Pred {
    /// The fields the query reads.
    pub fn fields(&self, out: &mut Vec<usize>) {
        match self {
            Pred::Leaf(l) => out.push(l.fi),
            Pred::Const(_) => {}
            Pred::And(a, b) | Pred::Or(a, b) => {
                a.fields(out);
                b.fields(out);
            }
            Pred::Not(a) => a.fields(out),
        }
    }

    /// How many comparisons the query has.
    pub fn leaves(&self) -> usize {
        match self {
            Pred::Leaf(_) => 1,
            Pred::Const(_) => 0,
            Pred::And(a, b) | Pred::Or(a, b) => a.leaves() + b.leaves(),
            Pred::Not(a) => a.leaves(),
        }
    }
}

/// The comparison of one query line (`#` as the negation of `=`), if pushable.
fn line_pred(l: &QueryLine, ty: FieldType) -> Option<Pred> {
    let (op, qop, negate) = match l.op {
        QOp::Eq => (Cmp::Eq, QOp::Eq, false),
        QOp::Ne => (Cmp::Eq, QOp::Eq, true),
        QOp::Lt => (Cmp::Lt, QOp::Lt, false),
        QOp::Le => (Cmp::Le, QOp::Le, false),
        QOp::Gt => (Cmp::Gt, QOp::Gt, false),
        QOp::Ge => (Cmp::Ge, QOp::Ge, false),
        // `%` on a text is a word search; on anything else it is `=`
        QOp::Keyword if ty == FieldType::Text => return None,
        QOp::Keyword => (Cmp::Eq, QOp::Keyword, false),
    };
    let q = l.value.clone();
    let leaf = Leaf::new(l.fi, ty, op, l.value.clone(), |c| matches(c, qop, &q))?;
    let p = Pred::Leaf(leaf);
    Some(if negate { Pred::Not(Box::new(p)) } else { p })
}

/// The query of `QUERY` lines over a table whose field types are `types`, if
/// every line is pushable. The lines combine left to right as the memory path
/// combines them: AND keeps what both found, OR adds, EXCEPT removes.
pub fn from_lines(lines: &[QueryLine], types: &[FieldType]) -> Option<Pred> {
    if lines.is_empty() || lines.len() > MAX_LEAVES {
        return None;
    }
    let mut acc: Option<Pred> = None;
    for (i, l) in lines.iter().enumerate() {
        let p = line_pred(l, *types.get(l.fi)?)?;
        let conj = if i == 0 { Conj::First } else { l.conj };
        acc = Some(match (conj, acc) {
            (Conj::First, _) | (_, None) => p,
            (Conj::And, Some(a)) => Pred::And(Box::new(a), Box::new(p)),
            (Conj::Or, Some(a)) => Pred::Or(Box::new(a), Box::new(p)),
            (Conj::Except, Some(a)) => Pred::And(Box::new(a), Box::new(Pred::Not(Box::new(p)))),
        });
    }
    acc
}

#[cfg(test)]
mod tests {
    use super::*;

    fn line(conj: Conj, fi: usize, op: QOp, value: Cell) -> QueryLine {
        QueryLine {
            conj,
            fi,
            op,
            value,
        }
    }

    #[test]
    fn only_comparisons_of_the_fields_own_kind_are_pushed() {
        let types = [FieldType::Text, FieldType::Int, FieldType::Blob];
        let t = |s: &str| Cell::Text(s.into());
        let ok = [line(Conj::First, 0, QOp::Eq, t("a@"))];
        assert!(from_lines(&ok, &types).is_some());
        let word = [line(Conj::First, 0, QOp::Keyword, t("a"))];
        assert!(from_lines(&word, &types).is_none());
        let blob = [line(Conj::First, 2, QOp::Eq, Cell::Blob(vec![]))];
        assert!(from_lines(&blob, &types).is_none());
        let mixed = [
            line(Conj::First, 1, QOp::Eq, Cell::Int(1)),
            line(Conj::And, 1, QOp::Eq, t("1")),
        ];
        assert!(from_lines(&mixed, &types).is_none());
        let nan = [line(Conj::First, 1, QOp::Lt, Cell::Real(f64::NAN))];
        assert!(from_lines(&nan, &types).is_none());
        assert!(from_lines(&[], &types).is_none());
    }

    #[test]
    fn the_empty_value_is_tested_by_the_memory_rules() {
        let types = [FieldType::Text, FieldType::Int];
        let p = from_lines(
            &[line(Conj::First, 0, QOp::Eq, Cell::Text("@".into()))],
            &types,
        );
        assert!(matches!(p, Some(Pred::Leaf(Leaf { empty: true, .. }))));
        let p = from_lines(&[line(Conj::First, 1, QOp::Gt, Cell::Int(0))], &types);
        assert!(matches!(p, Some(Pred::Leaf(Leaf { empty: false, .. }))));
        let p = from_lines(
            &[
                line(Conj::First, 1, QOp::Ge, Cell::Int(0)),
                line(Conj::Except, 0, QOp::Ne, Cell::Text("x".into())),
            ],
            &types,
        )
        .unwrap();
        assert_eq!(p.leaves(), 2);
        let mut f = Vec::new();
        p.fields(&mut f);
        assert_eq!(f, vec![1, 0]);
    }
}
