//! A pushed-down query ([`super::pushdown::Pred`]) as PostgreSQL SQL: one
//! `SELECT rn FROM t<N> WHERE ...` whose answer is the memory path's, record
//! for record.
//!
//! [choice] Texts are compared on the folded shadow column `k<M>` (collation
//! "C", written with every record by [`super::pg_rows`]: `store::fold` of the
//! text, i.e. `collate::fold_str`, case and accents removed, ligatures
//! expanded, ignorable characters dropped). `collate::compare` orders the
//! folded characters by code point, which is the byte order of their UTF-8
//! form, which is what "C" compares; so `=`, `<`, `>` on `k<M>` with the folded
//! value are exact, and use the field's index (built on `k<M>`). The `@`
//! wildcard of `=` becomes `LIKE` on `k<M>` (each part folded, `%`, `_` and `\`
//! escaped; `@@` matches nothing, as in memory); a trailing `@` with `<`, `>`...
//! compares the prefix only, as `collate::compare_wild` does. No ICU collation
//! is involved, so the answer does not depend on how PostgreSQL was built.
//!
//! Other types: booleans, integers, times and reals compare as numbers (an
//! integer or time field with a real value through `float8`, as the memory
//! path compares their keys; a stored NaN, which the memory path finds equal to
//! every value, is tested explicitly); dates are stored as `YYYY-MM-DD` text and
//! compared with `lpad(.., 11, '0')` under "C" for `<`, `>` (years past 9999
//! have five digits) and plainly for `=`.

use super::pg_rows::escape_like;
use super::pushdown::{Cmp, Leaf, Pred};
use super::sqlite::date_text;
use super::store::{fold, Cell};
use super::structure::FieldType;
use postgres::types::ToSql;

/// A query's SQL text and its parameters (`$1`, `$2`...).
pub struct Sql {
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
/// limited to the record numbers `within` when given; record numbers ascending.
pub fn select(num: u32, fields: &[u32], pred: &Pred, within: Option<&[i64]>) -> Option<Sql> {
    let mut sql = Sql {
        text: String::new(),
        params: Vec::new(),
    };
    let cond = expr(&mut sql, fields, pred)?;
    let mut text = format!("SELECT rn FROM t{num} WHERE ({cond})");
    if let Some(w) = within {
        let p = sql.param(w.to_vec());
        text.push_str(&format!(" AND rn = ANY({p})"));
    }
    text.push_str(" ORDER BY rn");
    sql.text = text;
    Some(sql)
}

/// Runs a [`select`]: the record numbers it finds.
pub fn run(client: &mut postgres::Client, sql: &Sql) -> Result<Vec<i64>, String> {
    let params = super::pg_rows::refs(&sql.params);
    let rows = client
        .query(sql.text.as_str(), &params)
        .map_err(super::pg::pg_err)?;
    rows.iter()
        .map(|r| r.try_get::<_, i64>(0).map_err(super::pg::pg_err))
        .collect()
}

/// The operands of a chain of one connective (`a OR b OR c` is written flat,
/// not nested: PostgreSQL's parser has a depth limit).
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

fn expr(sql: &mut Sql, fields: &[u32], p: &Pred) -> Option<String> {
    Some(match p {
        Pred::Const(b) => if *b { "TRUE" } else { "FALSE" }.to_string(),
        Pred::Leaf(l) => leaf(sql, *fields.get(l.fi)?, l),
        Pred::Not(a) => format!("NOT ({})", expr(sql, fields, a)?),
        Pred::And(..) | Pred::Or(..) => {
            let and = matches!(p, Pred::And(..));
            let mut parts = Vec::new();
            chain(p, and, &mut parts);
            let mut out = Vec::with_capacity(parts.len());
            for x in parts {
                out.push(format!("({})", expr(sql, fields, x)?));
            }
            out.join(if and { " AND " } else { " OR " })
        }
    })
}

fn op_text(op: Cmp) -> &'static str {
    match op {
        Cmp::Eq | Cmp::Same => "=",
        Cmp::Lt => "<",
        Cmp::Le => "<=",
        Cmp::Gt => ">",
        Cmp::Ge => ">=",
    }
}

/// One comparison on field number `m`, two-valued: the column's NULL counts as
/// the field's empty value ([`Leaf::empty`]).
fn leaf(sql: &mut Sql, m: u32, l: &Leaf) -> String {
    let col = if l.ty == FieldType::Text {
        format!("k{m}")
    } else {
        format!("f{m}")
    };
    let cond = cond(sql, &col, l);
    if l.empty {
        format!("{col} IS NULL OR ({cond})")
    } else {
        format!("{col} IS NOT NULL AND ({cond})")
    }
}

fn cond(sql: &mut Sql, col: &str, l: &Leaf) -> String {
    let op = op_text(l.op);
    match (&l.value, l.ty) {
        (Cell::Text(s), _) => text_cond(sql, col, l.op, s),
        (Cell::Bool(b), _) => format!("{col} {op} {}", sql.param(*b)),
        (Cell::Int(i), FieldType::Int16 | FieldType::Int | FieldType::Int64)
        | (Cell::Time(i), FieldType::Time) => format!("{col} {op} {}", sql.param(*i)),
        (Cell::Int(i) | Cell::Time(i), _) => {
            format!("{col}::float8 {op} {}", sql.param(*i as f64))
        }
        (Cell::Real(r), FieldType::Real) => {
            // a stored NaN is equal to every value in memory
            let p = sql.param(*r);
            match l.op {
                Cmp::Eq | Cmp::Same | Cmp::Le => format!("{col} {op} {p} OR {col} = 'NaN'"),
                Cmp::Gt => format!("{col} > {p} AND {col} <> 'NaN'"),
                // PostgreSQL orders NaN above every number: < is false, >= true
                Cmp::Lt | Cmp::Ge => format!("{col} {op} {p}"),
            }
        }
        (Cell::Real(r), _) => format!("{col}::float8 {op} {}", sql.param(*r)),
        (Cell::Date(d), _) => {
            let t = date_text(d);
            if matches!(l.op, Cmp::Eq | Cmp::Same) {
                format!("{col} = {}", sql.param(t))
            } else {
                let p = sql.param(format!("{t:0>11}"));
                format!("lpad({col}, 11, '0') COLLATE \"C\" {op} {p}")
            }
        }
        // not pushable (see `pushdown::pushable`): nothing matches
        _ => "FALSE".to_string(),
    }
}

/// A text comparison on the folded column `col`, as `collate::equals`
/// (`=` with `@`) and `collate::compare_wild` (`<`... with a trailing `@`) do.
fn text_cond(sql: &mut Sql, col: &str, op: Cmp, s: &str) -> String {
    match op {
        Cmp::Eq if s.contains('@') => {
            if s.contains("@@") {
                return "FALSE".to_string();
            }
            let pattern: Vec<String> = s.split('@').map(|part| escape_like(&fold(part))).collect();
            format!("{col} LIKE {}", sql.param(pattern.join("%")))
        }
        Cmp::Eq | Cmp::Same => format!("{col} = {}", sql.param(fold(s))),
        _ => {
            let prefix = s.strip_suffix('@').filter(|p| !p.contains('@'));
            let Some(prefix) = prefix else {
                return format!("{col} {} {}", op_text(op), sql.param(fold(s)));
            };
            // the folded text's first len(prefix) characters against the prefix
            let fp = fold(prefix);
            let like = format!("{}%", escape_like(&fp));
            match op {
                Cmp::Lt => format!("{col} < {}", sql.param(fp)),
                Cmp::Ge => format!("{col} >= {}", sql.param(fp)),
                Cmp::Gt => {
                    let p = sql.param(fp);
                    format!("{col} > {p} AND {col} NOT LIKE {}", sql.param(like))
                }
                _ => {
                    let p = sql.param(fp);
                    format!("{col} < {p} OR {col} LIKE {}", sql.param(like))
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn leaf(ty: FieldType, op: Cmp, value: Cell, empty: bool) -> Pred {
        Pred::Leaf(Leaf {
            fi: 0,
            ty,
            op,
            value,
            empty,
        })
    }

    #[test]
    fn texts_go_through_the_folded_column() {
        let p = leaf(FieldType::Text, Cmp::Eq, Cell::Text("Été@_%".into()), false);
        let s = select(3, &[7], &p, None).unwrap();
        assert_eq!(
            s.text,
            "SELECT rn FROM t3 WHERE (k7 IS NOT NULL AND (k7 LIKE $1)) ORDER BY rn"
        );
        assert_eq!(format!("{:?}", s.params[0]), format!("{:?}", "ete%\\_\\%"));
        let p = leaf(FieldType::Text, Cmp::Eq, Cell::Text("a@@b".into()), false);
        assert!(select(3, &[7], &p, None).unwrap().text.contains("FALSE"));
    }

    #[test]
    fn chains_are_flat_and_the_selection_is_a_parameter() {
        let a = leaf(FieldType::Int, Cmp::Eq, Cell::Int(1), false);
        let mut p = a.clone();
        for _ in 0..3 {
            p = Pred::Or(Box::new(p), Box::new(a.clone()));
        }
        let p = Pred::And(Box::new(p), Box::new(Pred::Not(Box::new(a))));
        let s = select(1, &[2], &p, Some(&[4, 5])).unwrap();
        assert_eq!(s.text.matches(" OR ").count(), 3);
        assert!(!s.text.contains("(((("), "{}", s.text);
        assert!(
            s.text.ends_with("AND rn = ANY($6) ORDER BY rn"),
            "{}",
            s.text
        );
        assert_eq!(s.params.len(), 6);
    }
}
