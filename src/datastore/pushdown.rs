//! Queries a backend can run itself ("pushed down"): the criteria of a
//! `QUERY` / `QUERY SELECTION` (its [`QueryLine`]s, [`from_lines`]) or of an
//! ORDA `.query()` (`crate::orda::qpush`) as one tree of simple field
//! comparisons, [`Pred`], which the backend translates (PostgreSQL:
//! `pg_query`, the one translator). A `Pred` is built only when the
//! database's answer is certain to be the memory path's:
//! - every comparison is on a field of the table itself, with a value the SQL
//!   side compares as the memory path does ([`Leaf::new`]): texts (through
//!   their folded shadow column; `@` only with `=` and `#`, and not `@@`),
//!   booleans, numbers (an integer or time field with a real or a time, or a
//!   time field with an integer: compared as reals, as the memory path's keys
//!   do), dates of at most four-digit years; not pictures, blobs or objects,
//!   not NaN, not `%` on a text;
//! - each comparison carries [`Leaf::empty`]: whether the field's empty value
//!   satisfies it, computed by the memory path's own test (`query::matches`
//!   for `QUERY`, `orda::qexec`'s for ORDA, whose rules differ). A column the
//!   database holds as NULL (a field added to the catalog after the record was
//!   written) is read back as the empty value, so the SQL tests `NULL` with
//!   that answer and every comparison stays two-valued (`NOT` and `EXCEPT`
//!   are then exact);
//! - the memory holds in these fields only [`native`] values, the kind the
//!   database gives back (checked by `Inner::query_stored`, which also keeps
//!   indexed fields and open transactions in memory).

use super::query::{matches, Conj, QOp, QueryLine};
use super::store::Cell;
use super::structure::FieldType;
use crate::runtime::value::Date;

/// A comparison of a field with a value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cmp {
    /// `=`: texts case- and accent-insensitive, with the `@` wildcard.
    Eq,
    /// `#`: the negation of `=`.
    Ne,
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
    /// A comparison on field `fi` with the same answer for every value the
    /// field can hold (ORDA's `= null` on a field that holds no null).
    Fixed {
        fi: usize,
        holds: bool,
    },
    And(Box<Pred>, Box<Pred>),
    Or(Box<Pred>, Box<Pred>),
    Not(Box<Pred>),
}

/// At most this many comparisons are pushed down in one query (a longer one,
/// e.g. `QUERY WITH ARRAY` with a big array, runs in memory).
pub const MAX_LEAVES: usize = 1000;

/// A date whose `YYYY-MM-DD` text (`sqlite::date_text`) orders as the date.
fn plain_date(d: &Date) -> bool {
    d.year <= 9999 && d.month <= 99 && d.day <= 99
}

/// A real that compares with the stored numbers alike in SQL and in memory
/// (the memory path orders NaN and negative zero by their bits).
fn plain_real(r: f64) -> bool {
    !(r.is_nan() || (r == 0.0 && r.is_sign_negative()))
}

/// Whether a query value of a field of type `ty` is compared the same way by
/// the SQL side as by the memory path, with `op`.
fn expressible(ty: FieldType, op: Cmp, v: &Cell) -> bool {
    use FieldType as F;
    match (ty, v) {
        (F::Text, Cell::Text(s)) => {
            op == Cmp::Same
                || !s.contains('@')
                || (matches!(op, Cmp::Eq | Cmp::Ne) && !s.contains("@@"))
        }
        (F::Bool, Cell::Bool(_)) => true,
        (F::Int16 | F::Int | F::Int64, Cell::Int(_) | Cell::Time(_)) => true,
        (F::Time, Cell::Time(_) | Cell::Int(_)) => true,
        (F::Int16 | F::Int | F::Int64 | F::Time, Cell::Real(r)) => plain_real(*r),
        (F::Real, Cell::Real(r)) => !r.is_nan(),
        (F::Date, Cell::Date(d)) => plain_date(d),
        _ => false,
    }
}

/// Whether a stored cell is of the kind a field of type `ty` holds and the
/// database gives back as it is: the memory path compares any other cell by
/// other rules (a null in a non-object field, a number in a text field...), so
/// a field holding such a cell is queried in memory.
pub fn native(ty: FieldType, c: &Cell) -> bool {
    use FieldType as F;
    match (ty, c) {
        (F::Real, Cell::Real(r)) => !r.is_nan(),
        (F::Date, Cell::Date(d)) => plain_date(d),
        _ => matches!(
            (ty, c),
            (F::Bool, Cell::Bool(_))
                | (F::Int16 | F::Int | F::Int64, Cell::Int(_))
                | (F::Time, Cell::Time(_))
                | (F::Text, Cell::Text(_))
                | (F::Picture | F::Blob, Cell::Blob(_))
                | (F::Object, Cell::Object(_) | Cell::Null)
        ),
    }
}

impl Leaf {
    /// The comparison `field op value`, if the SQL side says it exactly;
    /// `test` is the memory path's test of one stored cell (to know what the
    /// empty value gives).
    pub fn new(
        fi: usize,
        ty: FieldType,
        op: Cmp,
        value: Cell,
        test: impl Fn(&Cell) -> bool,
    ) -> Option<Leaf> {
        if !expressible(ty, op, &value) {
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
            Pred::Fixed { fi, .. } => out.push(*fi),
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
            Pred::Leaf(_) | Pred::Fixed { .. } => 1,
            Pred::And(a, b) | Pred::Or(a, b) => a.leaves() + b.leaves(),
            Pred::Not(a) => a.leaves(),
        }
    }
}

/// The comparison of one query line, if pushable.
fn line_pred(l: &QueryLine, ty: FieldType) -> Option<Pred> {
    let op = match l.op {
        QOp::Eq => Cmp::Eq,
        QOp::Ne => Cmp::Ne,
        QOp::Lt => Cmp::Lt,
        QOp::Le => Cmp::Le,
        QOp::Gt => Cmp::Gt,
        QOp::Ge => Cmp::Ge,
        // `%` on a text is a word search; on anything else it is `=`
        QOp::Keyword if ty == FieldType::Text => return None,
        QOp::Keyword => Cmp::Eq,
    };
    let (q, qop) = (&l.value, l.op);
    Leaf::new(l.fi, ty, op, l.value.clone(), |c| matches(c, qop, q)).map(Pred::Leaf)
}

/// The query of `QUERY` lines over a table whose field types are `types`, if
/// every line is pushable. The lines combine left to right with no
/// precedence, as the memory path combines them (4D's rule): AND keeps what
/// both found, OR adds, EXCEPT removes: `((a AND b) OR c) AND NOT d`.
pub fn from_lines(lines: &[QueryLine], types: &[FieldType]) -> Option<Pred> {
    if lines.len() > MAX_LEAVES {
        return None;
    }
    let mut acc: Option<Pred> = None;
    for l in lines {
        let p = line_pred(l, *types.get(l.fi)?)?;
        acc = Some(match acc {
            None => p,
            Some(a) => match l.conj {
                // as in memory: a later first line starts again
                Conj::First => p,
                Conj::And => Pred::And(Box::new(a), Box::new(p)),
                Conj::Or => Pred::Or(Box::new(a), Box::new(p)),
                Conj::Except => Pred::And(Box::new(a), Box::new(Pred::Not(Box::new(p)))),
            },
        });
    }
    acc
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::datastore::query::line;

    const TYPES: [FieldType; 4] = [
        FieldType::Text,
        FieldType::Int,
        FieldType::Blob,
        FieldType::Date,
    ];

    #[test]
    fn what_sql_cannot_say_exactly_stays_in_memory() {
        let t = |s: &str| Cell::Text(s.into());
        let no = |l: QueryLine| from_lines(&[l], &TYPES).is_none();
        assert!(!no(line(Conj::First, 0, QOp::Eq, t("a@"))));
        assert!(!no(line(Conj::First, 0, QOp::Ne, t("@a@"))));
        assert!(no(line(Conj::First, 0, QOp::Lt, t("a@"))));
        assert!(no(line(Conj::First, 0, QOp::Eq, t("a@@b"))));
        assert!(no(line(Conj::First, 0, QOp::Keyword, t("a"))));
        assert!(no(line(Conj::First, 2, QOp::Eq, Cell::Blob(vec![]))));
        assert!(no(line(Conj::First, 1, QOp::Eq, t("1"))));
        assert!(no(line(Conj::First, 1, QOp::Lt, Cell::Real(f64::NAN))));
        assert!(no(line(Conj::First, 1, QOp::Lt, Cell::Real(-0.0))));
        assert!(no(line(Conj::First, 1, QOp::Eq, Cell::Null)));
        assert!(no(line(Conj::First, 7, QOp::Eq, Cell::Int(1))));
        let far = Date {
            year: 10000,
            month: 1,
            day: 1,
        };
        assert!(no(line(Conj::First, 3, QOp::Lt, Cell::Date(far))));
        // `%` on a number is `=`
        assert!(!no(line(Conj::First, 1, QOp::Keyword, Cell::Int(3))));
        assert!(from_lines(&[], &TYPES).is_none());
    }

    #[test]
    fn the_empty_value_is_tested_by_the_memory_rules() {
        let p = from_lines(
            &[line(Conj::First, 0, QOp::Eq, Cell::Text("@".into()))],
            &TYPES,
        );
        assert!(matches!(p, Some(Pred::Leaf(Leaf { empty: true, .. }))));
        let p = from_lines(&[line(Conj::First, 1, QOp::Gt, Cell::Int(0))], &TYPES);
        assert!(matches!(p, Some(Pred::Leaf(Leaf { empty: false, .. }))));
        let p = from_lines(
            &[
                line(Conj::First, 1, QOp::Ge, Cell::Int(0)),
                line(Conj::Except, 0, QOp::Ne, Cell::Text("x".into())),
            ],
            &TYPES,
        )
        .unwrap();
        assert!(matches!(&p, Pred::And(_, b) if matches!(**b, Pred::Not(_))));
        let mut f = Vec::new();
        p.fields(&mut f);
        assert_eq!(f, vec![1, 0]);
    }

    #[test]
    fn only_values_the_database_gives_back_alike_are_native() {
        assert!(native(FieldType::Int, &Cell::Int(3)));
        assert!(!native(FieldType::Int, &Cell::Null));
        assert!(!native(FieldType::Text, &Cell::Int(3)));
        assert!(!native(FieldType::Real, &Cell::Real(f64::NAN)));
        assert!(native(FieldType::Real, &Cell::Real(f64::INFINITY)));
        assert!(native(FieldType::Object, &Cell::Null));
        let far = Date {
            year: 12000,
            month: 1,
            day: 1,
        };
        assert!(!native(FieldType::Date, &Cell::Date(far)));
        assert!(native(FieldType::Date, &Cell::Date(Date::default())));
    }
}
