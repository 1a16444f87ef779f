//! The rows of the PostgreSQL backend ([`super::pg`]): a record's cells as
//! SQL parameters (one row, or one array per column for many rows), a row read
//! back as a record, and the blocks of numbers taken from a sequence.

use super::sqlite::{date_text, parse_date};
use super::store::{fold, Cell, Record};
use super::structure::FieldType;
use postgres::types::ToSql;
use postgres::Row;

/// Numbers taken from a database sequence ahead of need: one round trip gives
/// a block of them, so a bulk load does not pay one per record.
///
/// [choice] Blocks only grow inside a 4D transaction (a bulk load): they double
/// at each refill, from 16 up to [`MAX_BLOCK`]; outside one a number is taken
/// when it is needed (one at a time, the sequence's own order across
/// instances). The numbers left in a block stay for this instance's next
/// records; those left when the instance stops are never given (a gap, as
/// after a cancelled transaction: PostgreSQL sequences never go back).
#[derive(Default)]
pub(super) struct Numbers {
    ready: std::collections::VecDeque<i64>,
    block: i64,
}

pub(super) const MAX_BLOCK: i64 = 1024;

impl Numbers {
    /// The next number, from the block or from `fetch(n)` (the next `n` values
    /// of the sequence, one round trip).
    pub(super) fn take(
        &mut self,
        bulk: bool,
        fetch: impl FnOnce(i64) -> Result<Vec<i64>, String>,
    ) -> Result<i64, String> {
        if let Some(n) = self.ready.pop_front() {
            return Ok(n);
        }
        let want = if bulk {
            self.block = (self.block * 2).clamp(16, MAX_BLOCK);
            self.block
        } else {
            self.block = 0;
            1
        };
        self.ready.extend(fetch(want)?);
        self.ready
            .pop_front()
            .ok_or_else(|| "PostgreSQL: the sequence gave no number".to_string())
    }
}

fn cell_bool(c: &Cell) -> Option<bool> {
    match c {
        Cell::Bool(b) => Some(*b),
        Cell::Int(i) => Some(*i != 0),
        _ => None,
    }
}

fn cell_int(c: &Cell) -> Option<i64> {
    match c {
        Cell::Int(i) | Cell::Time(i) => Some(*i),
        Cell::Bool(b) => Some(*b as i64),
        Cell::Real(r) => Some(*r as i64),
        _ => None,
    }
}

fn cell_real(c: &Cell) -> Option<f64> {
    match c {
        Cell::Real(r) => Some(*r),
        Cell::Int(i) | Cell::Time(i) => Some(*i as f64),
        _ => None,
    }
}

fn cell_date(c: &Cell) -> Option<String> {
    match c {
        Cell::Date(d) => Some(date_text(d)),
        _ => None,
    }
}

fn cell_text(c: &Cell) -> Option<String> {
    match c {
        Cell::Text(s) | Cell::Object(s) => Some(s.clone()),
        Cell::Int(i) => Some(i.to_string()),
        Cell::Real(r) => Some(r.to_string()),
        _ => None,
    }
}

fn cell_blob(c: &Cell) -> Option<Vec<u8>> {
    match c {
        Cell::Blob(b) => Some(b.clone()),
        _ => None,
    }
}

/// The parameters of a record's upsert: rn, then each field (and its shadow).
pub(super) fn params(rn: i64, types: &[FieldType], rec: &Record) -> Vec<Box<dyn ToSql + Sync>> {
    let mut p: Vec<Box<dyn ToSql + Sync>> = vec![Box::new(rn)];
    for (i, ty) in types.iter().enumerate() {
        let c = rec.get(i).unwrap_or(&Cell::Null);
        match ty {
            FieldType::Bool => p.push(Box::new(cell_bool(c))),
            FieldType::Int16 | FieldType::Int | FieldType::Int64 | FieldType::Time => {
                p.push(Box::new(cell_int(c)))
            }
            FieldType::Real => p.push(Box::new(cell_real(c))),
            FieldType::Date => p.push(Box::new(cell_date(c))),
            FieldType::Text => {
                let s = cell_text(c);
                let k = s.as_deref().map(fold);
                p.push(Box::new(s));
                p.push(Box::new(k));
            }
            FieldType::Object => p.push(Box::new(cell_text(c))),
            FieldType::Picture | FieldType::Blob => p.push(Box::new(cell_blob(c))),
        }
    }
    p
}

/// The parameters of [`TableSql::upsert_many`]: one array per column (rn, then
/// each field and its shadow), one element per record.
pub(super) fn column_params(
    types: &[FieldType],
    recs: &[(i64, &Record)],
) -> Vec<Box<dyn ToSql + Sync>> {
    fn col<T: ToSql + Sync + 'static>(
        recs: &[(i64, &Record)],
        i: usize,
        f: impl Fn(&Cell) -> T,
    ) -> Box<dyn ToSql + Sync> {
        Box::new(
            recs.iter()
                .map(|(_, r)| f(r.get(i).unwrap_or(&Cell::Null)))
                .collect::<Vec<T>>(),
        )
    }
    let mut p: Vec<Box<dyn ToSql + Sync>> =
        vec![Box::new(recs.iter().map(|r| r.0).collect::<Vec<i64>>())];
    for (i, ty) in types.iter().enumerate() {
        match ty {
            FieldType::Bool => p.push(col(recs, i, cell_bool)),
            FieldType::Int16 | FieldType::Int | FieldType::Int64 | FieldType::Time => {
                p.push(col(recs, i, cell_int))
            }
            FieldType::Real => p.push(col(recs, i, cell_real)),
            FieldType::Date => p.push(col(recs, i, cell_date)),
            FieldType::Text => {
                p.push(col(recs, i, cell_text));
                p.push(col(recs, i, |c| cell_text(c).as_deref().map(fold)));
            }
            FieldType::Object => p.push(col(recs, i, cell_text)),
            FieldType::Picture | FieldType::Blob => p.push(col(recs, i, cell_blob)),
        }
    }
    p
}

/// The record in `row` (`rn` in column 0, then one column per field).
pub(super) fn record(row: &Row, types: &[FieldType]) -> Result<(i64, Record), postgres::Error> {
    let rn: i64 = row.try_get(0)?;
    let mut rec = Vec::with_capacity(types.len());
    for (i, ty) in types.iter().enumerate() {
        let i = i + 1;
        let empty = || {
            if *ty == FieldType::Object {
                Cell::Null
            } else {
                Cell::empty(*ty)
            }
        };
        let c = match ty {
            FieldType::Bool => row.try_get::<_, Option<bool>>(i)?.map(Cell::Bool),
            FieldType::Int16 | FieldType::Int | FieldType::Int64 => {
                row.try_get::<_, Option<i64>>(i)?.map(Cell::Int)
            }
            FieldType::Time => row.try_get::<_, Option<i64>>(i)?.map(Cell::Time),
            FieldType::Real => row.try_get::<_, Option<f64>>(i)?.map(Cell::Real),
            FieldType::Date => row
                .try_get::<_, Option<String>>(i)?
                .map(|s| Cell::Date(parse_date(&s))),
            FieldType::Text => row.try_get::<_, Option<String>>(i)?.map(Cell::Text),
            FieldType::Object => row.try_get::<_, Option<String>>(i)?.map(Cell::Object),
            FieldType::Picture | FieldType::Blob => {
                row.try_get::<_, Option<Vec<u8>>>(i)?.map(Cell::Blob)
            }
        };
        rec.push(c.unwrap_or_else(empty));
    }
    Ok((rn, rec))
}

/// `s` as a literal part of a `LIKE` pattern (`\\` is the default escape).
pub(super) fn escape_like(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if matches!(c, '%' | '_' | '\\') {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

pub(super) fn refs(p: &[Box<dyn ToSql + Sync>]) -> Vec<&(dyn ToSql + Sync)> {
    p.iter().map(|b| b.as_ref()).collect()
}
