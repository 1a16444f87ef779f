//! Relations: `RELATE ONE`, `RELATE MANY` and their selection forms, following the
//! catalog's relations.

use super::args::*;
use crate::commands::Args;
use crate::datastore::cells::value_to_cell;
use crate::datastore::query::{Conj, QOp, QueryLine};
use crate::datastore::store::Cell;
use crate::runtime::error::{codes, err, RtResult};
use crate::runtime::interp::Interp;
use crate::runtime::value::{Ptr, Value};

/// Relations selected by a RELATE parameter: a field (that field's relations) or a
/// table (all of them); `many` picks the Many side.
pub(super) fn relations(
    it: &Interp,
    a: &Args,
    i: usize,
    many_side: bool,
    cmd: &str,
) -> RtResult<Vec<crate::datastore::structure::Relation>> {
    let Some(s) = it.db.structure() else {
        return crate::datastore::process::no_db();
    };
    let (t, f) = match val(it, a, i)? {
        Value::Pointer(p) => match &*p {
            Ptr::Table(t) => (*t, None),
            Ptr::Field(t, f) => (*t, Some(*f)),
            _ => {
                return err(
                    codes::BAD_ARG,
                    format!("{}: a table or field is expected", cmd),
                )
            }
        },
        _ => {
            return err(
                codes::BAD_ARG,
                format!("{}: a table or field is expected", cmd),
            )
        }
    };
    Ok(s.relations
        .iter()
        .filter(|r| {
            if many_side {
                r.many_table == t && f.is_none_or(|f| f == r.many_field)
            } else {
                r.one_table == t && f.is_none_or(|f| f == r.one_field)
            }
        })
        .cloned()
        .collect())
}

/// Records of table `ti` whose field `fi` equals one of `keys`.
pub(super) fn records_matching(
    it: &Interp,
    ti: usize,
    fi: usize,
    keys: &[Cell],
) -> RtResult<Vec<i64>> {
    let lines: Vec<QueryLine> = keys
        .iter()
        .map(|k| QueryLine {
            conj: Conj::Or,
            fi,
            op: QOp::Eq,
            value: match k {
                // related text keys match exactly (no wildcard)
                Cell::Text(s) if s.contains('@') => Cell::Text(s.clone()),
                c => c.clone(),
            },
        })
        .collect();
    if lines.is_empty() {
        return Ok(Vec::new());
    }
    it.db.query(ti, &lines, false)
}

pub(super) fn relate_one(it: &mut Interp, a: &mut Args) -> RtResult<Value> {
    for r in relations(it, a, 0, true, "RELATE ONE")? {
        let (mti, mfi) = it.db.tfi(r.many_table, r.many_field)?;
        let (oti, ofi) = it.db.tfi(r.one_table, r.one_field)?;
        let Some(cur) = &it.db.tables[mti].cur else {
            continue;
        };
        let key = value_to_cell(cur.vals[mfi].clone(), it.db.field_type(mti, mfi))?;
        let mut sel = records_matching(it, oti, ofi, &[key])?;
        sel.truncate(1);
        it.db.set_selection(oti, sel)?;
    }
    Ok(Value::Undefined)
}

pub(super) fn relate_many(it: &mut Interp, a: &mut Args) -> RtResult<Value> {
    for r in relations(it, a, 0, false, "RELATE MANY")? {
        let (mti, mfi) = it.db.tfi(r.many_table, r.many_field)?;
        let (oti, ofi) = it.db.tfi(r.one_table, r.one_field)?;
        let sel = match &it.db.tables[oti].cur {
            Some(cur) => {
                let key = value_to_cell(cur.vals[ofi].clone(), it.db.field_type(oti, ofi))?;
                records_matching(it, mti, mfi, &[key])?
            }
            None => Vec::new(),
        };
        it.db.set_selection(mti, sel)?;
    }
    Ok(Value::Undefined)
}

pub(super) fn relate_one_selection(it: &mut Interp, a: &mut Args) -> RtResult<Value> {
    let many = table_at(it, a, 0);
    let one = table_at(it, a, 1);
    let (Some(many), Some(one)) = (many, one) else {
        return err(
            codes::BAD_ARG,
            "RELATE ONE SELECTION: two tables are expected",
        );
    };
    let Some(s) = it.db.structure() else {
        return crate::datastore::process::no_db();
    };
    let Some(r) = s
        .relations
        .iter()
        .find(|r| r.many_table == many && r.one_table == one)
        .cloned()
    else {
        return err(
            codes::BAD_ARG,
            "RELATE ONE SELECTION: the tables are not related",
        );
    };
    let (mti, mfi) = it.db.tfi(r.many_table, r.many_field)?;
    let (oti, ofi) = it.db.tfi(r.one_table, r.one_field)?;
    let sel = it.db.tables[mti].sel.clone();
    let keys: Vec<Cell> = it
        .db
        .cells(mti, mfi, &sel)?
        .into_iter()
        .map(|c| c.1)
        .collect();
    let recs = records_matching(it, oti, ofi, &keys)?;
    it.db.set_selection(oti, recs)?;
    Ok(Value::Undefined)
}

pub(super) fn relate_many_selection(it: &mut Interp, a: &mut Args) -> RtResult<Value> {
    let rels = relations(it, a, 0, true, "RELATE MANY SELECTION")?;
    let Some(r) = rels.first().cloned() else {
        return err(
            codes::BAD_ARG,
            "RELATE MANY SELECTION: the field has no relation",
        );
    };
    let (mti, mfi) = it.db.tfi(r.many_table, r.many_field)?;
    let (oti, ofi) = it.db.tfi(r.one_table, r.one_field)?;
    let sel = it.db.tables[oti].sel.clone();
    let keys: Vec<Cell> = it
        .db
        .cells(oti, ofi, &sel)?
        .into_iter()
        .map(|c| c.1)
        .collect();
    let recs = records_matching(it, mti, mfi, &keys)?;
    it.db.set_selection(mti, recs)?;
    Ok(Value::Undefined)
}
