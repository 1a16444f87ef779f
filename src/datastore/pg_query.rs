//! Query lines as SQL for the PostgreSQL backend ([`super::pg`]): a `QUERY` or
//! `QUERY SELECTION`'s [`QueryLine`]s become one `WHERE` over the table's
//! columns, so the database finds the record numbers.
//!
//! The translation is exact or absent: [`where_clause`] gives `None` for
//! anything whose SQL would not match what the memory path
//! (`process::matches`) finds, and the query then runs in memory:
//! - texts compare through the folded shadow column `k<M>` (collation "C"),
//!   which orders and equals like `runtime::collate` by construction; `@` in an
//!   `=` or `#` value becomes `LIKE` over the folded parts; `@` with `<`, `>`,
//!   `<=`, `>=`, `@@`, and the keyword operator `%` stay in memory;
//! - dates compare as their `YYYY-MM-DD` text under collation "C"
//!   (chronological); booleans, integers, times and reals as themselves;
//! - a missing value (`NULL` column, a field added after its records) is read
//!   back as the field's empty value, so it matches when that value does; each
//!   condition is two-valued (`x = $1 AND x IS NOT NULL`, `x IS NULL OR x < $1`:
//!   never SQL's third value, so `EXCEPT`'s `AND NOT` loses no row) and still in
//!   a form the column's B-tree index serves;
//! - pictures, blobs and objects, a query value of another type than the
//!   field's, and a `NULL` query value stay in memory.
//!
//! Lines combine left to right with no precedence (4D's rule), as the memory
//! path does: `((a AND b) OR c) AND NOT d`.

use super::process::{matches, Conj, QOp, QueryLine};
use super::sqlite::date_text;
use super::store::{fold, Cell};
use super::structure::FieldType;
use postgres::types::ToSql;

/// SQL parameters of a `WHERE`, in the order of their `$n`.
pub(super) type Params = Vec<Box<dyn ToSql + Sync>>;

/// The `WHERE` (without the word) of these lines over a table whose fields
/// have these numbers and types, with its parameters; `None`: not expressible
/// exactly (the query runs in memory).
pub(super) fn where_clause(
    fields: &[(u32, FieldType)],
    lines: &[QueryLine],
) -> Option<(String, Params)> {
    let mut params: Params = Vec::new();
    let mut sql = String::new();
    for (i, l) in lines.iter().enumerate() {
        let &(num, ty) = fields.get(l.fi)?;
        let cond = condition(num, ty, l.op, &l.value, &mut params)?;
        sql = match if i == 0 { Conj::First } else { l.conj } {
            Conj::First => cond,
            Conj::And => format!("({sql}) AND {cond}"),
            Conj::Or => format!("({sql}) OR {cond}"),
            Conj::Except => format!("({sql}) AND NOT {cond}"),
        };
    }
    if sql.is_empty() {
        return None;
    }
    Some((sql, params))
}

/// One line's condition on field number `num`, its value pushed on `params`.
fn condition(
    num: u32,
    ty: FieldType,
    op: QOp,
    value: &Cell,
    params: &mut Params,
) -> Option<String> {
    let (col, wild) = match (ty, value) {
        (FieldType::Text, Cell::Text(s)) => {
            if s.contains('@') {
                if s.contains("@@") || !matches!(op, QOp::Eq | QOp::Ne) {
                    return None;
                }
                params.push(Box::new(like_pattern(s)));
                (format!("k{num}"), true)
            } else {
                params.push(Box::new(fold(s)));
                (format!("k{num}"), false)
            }
        }
        (FieldType::Bool, Cell::Bool(b)) => {
            params.push(Box::new(*b));
            (format!("f{num}"), false)
        }
        (FieldType::Int16 | FieldType::Int | FieldType::Int64, Cell::Int(i))
        | (FieldType::Time, Cell::Time(i)) => {
            params.push(Box::new(*i));
            (format!("f{num}"), false)
        }
        (FieldType::Real, Cell::Real(r)) if r.is_finite() => {
            params.push(Box::new(*r));
            (format!("f{num}"), false)
        }
        (FieldType::Date, Cell::Date(d)) => {
            params.push(Box::new(date_text(d)));
            (format!("f{num} COLLATE \"C\""), false)
        }
        _ => return None,
    };
    let p = format!("${}", params.len());
    let cmp = match (op, wild) {
        (QOp::Eq, true) => format!("{col} LIKE {p}"),
        (_, true) => format!("{col} NOT LIKE {p}"),
        (QOp::Eq, false) => format!("{col} = {p}"),
        (QOp::Ne, false) => format!("{col} <> {p}"),
        (QOp::Lt, false) => format!("{col} < {p}"),
        (QOp::Le, false) => format!("{col} <= {p}"),
        (QOp::Gt, false) => format!("{col} > {p}"),
        (QOp::Ge, false) => format!("{col} >= {p}"),
        (QOp::Keyword, false) => return None,
    };
    // a NULL column is read back as the field's empty value (`pg_rows::record`):
    // it matches when that value does
    Some(if matches(&Cell::empty(ty), op, value) {
        format!("({col} IS NULL OR {cmp})")
    } else {
        format!("({cmp} AND {col} IS NOT NULL)")
    })
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

    fn line(conj: Conj, fi: usize, op: QOp, value: Cell) -> QueryLine {
        QueryLine {
            conj,
            fi,
            op,
            value,
        }
    }

    const FIELDS: &[(u32, FieldType)] = &[
        (1, FieldType::Int),
        (2, FieldType::Text),
        (3, FieldType::Picture),
    ];

    #[test]
    fn lines_combine_left_to_right_and_each_condition_is_two_valued() {
        let (sql, p) = where_clause(
            FIELDS,
            &[
                line(Conj::First, 0, QOp::Gt, Cell::Int(3)),
                line(Conj::Or, 1, QOp::Eq, Cell::Text("Éla@".into())),
                line(Conj::Except, 0, QOp::Lt, Cell::Int(9)),
            ],
        )
        .unwrap();
        assert_eq!(
            sql,
            "(((f1 > $1 AND f1 IS NOT NULL)) OR (k2 LIKE $2 AND k2 IS NOT NULL)) AND NOT \
             (f1 IS NULL OR f1 < $3)"
        );
        assert_eq!(p.len(), 3);
    }

    #[test]
    fn what_sql_cannot_say_exactly_stays_in_memory() {
        let no = |l: QueryLine| where_clause(FIELDS, &[l]).is_none();
        assert!(no(line(Conj::First, 1, QOp::Lt, Cell::Text("a@".into()))));
        assert!(no(line(Conj::First, 1, QOp::Eq, Cell::Text("a@@b".into()))));
        assert!(no(line(
            Conj::First,
            1,
            QOp::Keyword,
            Cell::Text("a".into())
        )));
        assert!(no(line(Conj::First, 2, QOp::Eq, Cell::Blob(vec![]))));
        assert!(no(line(Conj::First, 0, QOp::Eq, Cell::Real(1.5))));
        assert!(no(line(Conj::First, 0, QOp::Eq, Cell::Null)));
        assert!(no(line(Conj::First, 7, QOp::Eq, Cell::Int(1))));
    }

    #[test]
    fn a_null_column_matches_as_the_empty_value_it_is_read_back_as() {
        let sql = |op, v| {
            where_clause(FIELDS, &[line(Conj::First, 0, op, v)])
                .unwrap()
                .0
        };
        // the empty integer is 0: `= 0` and `< 5` find NULL, `< -1` and `# 0` do not
        assert_eq!(sql(QOp::Eq, Cell::Int(0)), "(f1 IS NULL OR f1 = $1)");
        assert_eq!(sql(QOp::Lt, Cell::Int(5)), "(f1 IS NULL OR f1 < $1)");
        assert_eq!(sql(QOp::Lt, Cell::Int(-1)), "(f1 < $1 AND f1 IS NOT NULL)");
        assert_eq!(sql(QOp::Ne, Cell::Int(0)), "(f1 <> $1 AND f1 IS NOT NULL)");
    }

    #[test]
    fn a_wildcard_pattern_is_folded_and_escaped() {
        assert_eq!(like_pattern("Ab@C%_"), format!("ab%{}", "c\\%\\_"));
        assert_eq!(like_pattern("@x@"), "%x%");
    }
}
