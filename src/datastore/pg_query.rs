//! A pushed-down query ([`super::pushdown::Pred`], from a `QUERY`, a
//! `QUERY SELECTION` or an ORDA `.query()`) as PostgreSQL SQL: one
//! `SELECT rn FROM t<N> WHERE ... ORDER BY rn` over the table's columns whose
//! answer is the memory path's, record for record ([`super::pushdown`] builds
//! only what this translates exactly).
//!
//! - texts compare through the folded shadow column `k<M>` (collation "C",
//!   written with every record by [`super::pg_rows`]: `store::fold` of the
//!   text), which orders and equals like `runtime::collate` by construction;
//!   `@` in an `=` or `#` value becomes `LIKE` over the folded parts (`%`,
//!   `_` and `\` escaped);
//! - dates compare as their `YYYY-MM-DD` text under collation "C"
//!   (chronological: `pushdown` lets only four-digit years through);
//!   booleans, integers, times and reals as themselves; an integer or time
//!   field with a value of another numeric kind through `float8`, as the
//!   memory path compares their keys;
//! - a missing value (`NULL` column, a field added after its records) is read
//!   back as the field's empty value, so it matches when that value does
//!   ([`super::pushdown::Leaf::empty`]); each condition is two-valued
//!   (`x = $1 AND x IS NOT NULL`, `x IS NULL OR x < $1`: never SQL's third
//!   value, so `NOT` and `EXCEPT`'s `AND NOT` lose no row) and still in a form
//!   the column's B-tree index serves ([choice] no `COALESCE`, which hid the
//!   index: 18 ms per query, bench/pg/README.md);
//! - a `QUERY SELECTION` or a query on an entity selection adds
//!   `rn = ANY($n)` with the selection's record numbers;
//! - a chain of one connective is written flat (`a OR b OR c`, not nested:
//!   PostgreSQL's parser has a depth limit).

use super::pg_rows::refs;
use super::pushdown::{Cmp, Leaf, Pred};
use super::sqlite::date_text;
use super::store::{fold, Cell};
use super::structure::FieldType;
use postgres::types::ToSql;

/// A query's SQL text and its parameters (`$1`, `$2`...).
pub(super) struct Sql {
    pub text: String,
    pub params: Vec<Box<dyn ToSql + Sync>>,
}

impl Sql {
    fn param(&mut self, p: impl ToSql + Sync + 'static) -> String {
        self.params.push(Box::new(p));
        format!("${}", self.params.len())
    }
}

/// The SQL of `pred` on table `t<num>` whose fields are numbered `fields`,
/// limited to the record numbers `within` when given; record numbers
/// ascending. `None`: a field index out of range.
pub(super) fn select(num: u32, fields: &[u32], pred: &Pred, within: Option<&[i64]>) -> Option<Sql> {
    let mut sql = Sql {
        text: String::new(),
        params: Vec::new(),
    };
    let cond = expr(&mut sql, fields, pred)?;
    let mut text = format!("SELECT rn FROM t{num} WHERE {cond}");
    if let Some(w) = within {
        let p = sql.param(w.to_vec());
        text.push_str(&format!(" AND rn = ANY({p})"));
    }
    text.push_str(" ORDER BY rn");
    sql.text = text;
    Some(sql)
}

/// Runs a [`select`]: the record numbers it finds.
pub(super) fn run(client: &mut postgres::Client, sql: &Sql) -> Result<Vec<i64>, String> {
    let rows = client
        .query(sql.text.as_str(), &refs(&sql.params))
        .map_err(super::pg::pg_err)?;
    rows.iter()
        .map(|r| r.try_get::<_, i64>(0).map_err(super::pg::pg_err))
        .collect()
}

/// The operands of a chain of one connective.
fn chain<'a>(p: &'a Pred, and: bool, out: &mut Vec<&'a Pred>) {
    match p {
        Pred::And(a, b) if and => {
            chain(a, and, out);
            chain(b, and, out);
        }
        Pred::Or(a, b) if !and => {
            chain(a, and, out);
            chain(b, and, out);
        }
        other => out.push(other),
    }
}

/// A condition, parenthesised (two-valued, see the module doc).
fn expr(sql: &mut Sql, fields: &[u32], p: &Pred) -> Option<String> {
    Some(match p {
        Pred::Fixed { holds, .. } => if *holds { "TRUE" } else { "FALSE" }.to_string(),
        Pred::Leaf(l) => leaf(sql, *fields.get(l.fi)?, l),
        Pred::Not(a) => format!("(NOT {})", expr(sql, fields, a)?),
        Pred::And(..) | Pred::Or(..) => {
            let and = matches!(p, Pred::And(..));
            let mut parts = Vec::new();
            chain(p, and, &mut parts);
            let mut out = Vec::with_capacity(parts.len());
            for x in parts {
                out.push(expr(sql, fields, x)?);
            }
            format!("({})", out.join(if and { " AND " } else { " OR " }))
        }
    })
}

fn op_text(op: Cmp) -> &'static str {
    match op {
        Cmp::Eq | Cmp::Same => "=",
        Cmp::Ne => "<>",
        Cmp::Lt => "<",
        Cmp::Le => "<=",
        Cmp::Gt => ">",
        Cmp::Ge => ">=",
    }
}

/// One comparison on field number `m`; a NULL column counts as the field's
/// empty value.
fn leaf(sql: &mut Sql, m: u32, l: &Leaf) -> String {
    let op = op_text(l.op);
    let (col, cmp) = match (l.ty, &l.value) {
        (FieldType::Text, Cell::Text(s)) => {
            let col = format!("k{m}");
            let wild = l.op != Cmp::Same && s.contains('@');
            let cmp = match (wild, l.op) {
                (true, Cmp::Ne) => format!("{col} NOT LIKE {}", sql.param(like_pattern(s))),
                (true, _) => format!("{col} LIKE {}", sql.param(like_pattern(s))),
                (false, _) => format!("{col} {op} {}", sql.param(fold(s))),
            };
            (col, cmp)
        }
        (FieldType::Date, Cell::Date(d)) => {
            let col = format!("f{m}");
            let cmp = format!("{col} COLLATE \"C\" {op} {}", sql.param(date_text(d)));
            (col, cmp)
        }
        (_, Cell::Bool(b)) => (format!("f{m}"), format!("f{m} {op} {}", sql.param(*b))),
        (FieldType::Real, Cell::Real(r)) => {
            (format!("f{m}"), format!("f{m} {op} {}", sql.param(*r)))
        }
        (FieldType::Time, Cell::Time(i))
        | (FieldType::Int16 | FieldType::Int | FieldType::Int64, Cell::Int(i)) => {
            (format!("f{m}"), format!("f{m} {op} {}", sql.param(*i)))
        }
        // an integer or time field with another numeric kind: as reals
        (_, Cell::Int(i) | Cell::Time(i)) => (
            format!("f{m}"),
            format!("f{m}::float8 {op} {}", sql.param(*i as f64)),
        ),
        (_, Cell::Real(r)) => (
            format!("f{m}"),
            format!("f{m}::float8 {op} {}", sql.param(*r)),
        ),
        // never built by `pushdown` (see `Leaf::new`): nothing matches
        _ => return "FALSE".to_string(),
    };
    if l.empty {
        format!("({col} IS NULL OR {cmp})")
    } else {
        format!("({cmp} AND {col} IS NOT NULL)")
    }
}

/// `LIKE` pattern of a 4D text with `@` wildcards: each part folded as the
/// shadow column is, `%`, `_` and `\` escaped, `@` as `%`.
fn like_pattern(s: &str) -> String {
    let parts: Vec<String> = s
        .split('@')
        .map(|part| {
            fold(part)
                .chars()
                .flat_map(|c| match c {
                    '%' | '_' | '\\' => vec!['\\', c],
                    c => vec![c],
                })
                .collect()
        })
        .collect();
    parts.join("%")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::datastore::pushdown::from_lines;
    use crate::datastore::query::{line, Conj, QOp, QueryLine};

    const TYPES: &[FieldType] = &[FieldType::Int, FieldType::Text, FieldType::Time];

    fn where_of(lines: &[QueryLine]) -> String {
        let p = from_lines(lines, TYPES).unwrap();
        let s = select(9, &[1, 2, 3], &p, None).unwrap();
        s.text
            .strip_prefix("SELECT rn FROM t9 WHERE ")
            .and_then(|t| t.strip_suffix(" ORDER BY rn"))
            .unwrap()
            .to_string()
    }

    #[test]
    fn lines_combine_left_to_right_and_each_condition_is_two_valued() {
        let w = where_of(&[
            line(Conj::First, 0, QOp::Gt, Cell::Int(3)),
            line(Conj::Or, 1, QOp::Eq, Cell::Text("Éla@".into())),
            line(Conj::Except, 0, QOp::Lt, Cell::Int(9)),
        ]);
        assert_eq!(
            w,
            "(((f1 > $1 AND f1 IS NOT NULL) OR (k2 LIKE $2 AND k2 IS NOT NULL)) AND \
             (NOT (f1 IS NULL OR f1 < $3)))"
        );
    }

    #[test]
    fn a_null_column_matches_as_the_empty_value_it_is_read_back_as() {
        let w = |op, v| where_of(&[line(Conj::First, 0, op, v)]);
        // the empty integer is 0: `= 0` and `< 5` find NULL, `< -1` and `# 0` do not
        assert_eq!(w(QOp::Eq, Cell::Int(0)), "(f1 IS NULL OR f1 = $1)");
        assert_eq!(w(QOp::Lt, Cell::Int(5)), "(f1 IS NULL OR f1 < $1)");
        assert_eq!(w(QOp::Lt, Cell::Int(-1)), "(f1 < $1 AND f1 IS NOT NULL)");
        assert_eq!(w(QOp::Ne, Cell::Int(0)), "(f1 <> $1 AND f1 IS NOT NULL)");
        // another numeric kind compares as reals, as the memory keys do
        assert_eq!(
            w(QOp::Ge, Cell::Real(2.5)),
            "(f1::float8 >= $1 AND f1 IS NOT NULL)"
        );
    }

    #[test]
    fn chains_are_flat_and_the_selection_is_a_parameter() {
        // times 1 to 5: the empty time (0) matches none, so no `IS NULL OR`
        let lines: Vec<QueryLine> = (1..6)
            .map(|i| line(Conj::Or, 2, QOp::Eq, Cell::Time(i)))
            .collect();
        let p = from_lines(&lines, TYPES).unwrap();
        let s = select(1, &[1, 2, 3], &p, Some(&[4, 5])).unwrap();
        assert_eq!(s.text.matches(" OR ").count(), 4, "{}", s.text);
        assert!(!s.text.contains("(((("), "{}", s.text);
        assert!(
            s.text.ends_with(" AND rn = ANY($6) ORDER BY rn"),
            "{}",
            s.text
        );
        assert_eq!(s.params.len(), 6);
    }

    #[test]
    fn a_wildcard_pattern_is_folded_and_escaped() {
        assert_eq!(like_pattern("Ab@C%_"), format!("ab%{}", "c\\%\\_"));
        assert_eq!(like_pattern("@x@"), "%x%");
        assert_eq!(
            where_of(&[line(Conj::First, 1, QOp::Ne, Cell::Text("@x".into()))]),
            "(k2 IS NULL OR k2 NOT LIKE $1)"
        );
    }
}
