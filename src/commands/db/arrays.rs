//! Selections and arrays: `SELECTION TO ARRAY`, `ARRAY TO SELECTION`,
//! `CREATE SELECTION FROM ARRAY`, `DISTINCT VALUES`, `Sum`, `Average`, `Min`, `Max`.

use super::args::*;
use crate::commands::Args;
use crate::datastore::cells::{cell_to_value, value_to_cell, var_type};
use crate::datastore::codes as dbc;
use crate::datastore::store::Cell;
use crate::runtime::error::{err, RtResult};
use crate::runtime::interp::Interp;
use crate::runtime::value::{Value, VarType};
use std::collections::BTreeSet;

pub(super) fn selection_to_array(it: &mut Interp, a: &mut Args) -> RtResult<Value> {
    let mut i = 0;
    while i + 1 < a.len() {
        let p = array_ptr(a, i + 1, "SELECTION TO ARRAY")?;
        if let Some(t) = table_at(it, a, i) {
            let ti = it.db.ti(t)?;
            let vals = it.db.tables[ti]
                .sel
                .iter()
                .map(|&r| Value::Int(r as i32))
                .collect();
            fill_array(it, &p, VarType::Integer, vals)?;
        } else {
            let (ti, fi) = field_at(it, a, i, "SELECTION TO ARRAY")?;
            let ty = it.db.field_type(ti, fi);
            let sel = it.db.tables[ti].sel.clone();
            let vals = it
                .db
                .cells(ti, fi, &sel)?
                .iter()
                .map(|(_, c)| cell_to_value(c, ty))
                .collect();
            fill_array(it, &p, var_type(ty), vals)?;
        }
        i += 2;
    }
    Ok(Value::Undefined)
}

pub(super) fn array_to_selection(it: &mut Interp, a: &mut Args) -> RtResult<Value> {
    let mut pairs = Vec::new();
    let mut i = 0;
    while i + 1 < a.len() {
        let p = array_ptr(a, i, "ARRAY TO SELECTION")?;
        let (ti, fi) = field_at(it, a, i + 1, "ARRAY TO SELECTION")?;
        pairs.push((read_array(it, &p, "ARRAY TO SELECTION")?, ti, fi));
        i += 2;
    }
    let Some(ti) = pairs.first().map(|p| p.1) else {
        return Ok(Value::Undefined);
    };
    let n = pairs.iter().map(|p| p.0.len()).max().unwrap_or(0);
    let sel = it.db.tables[ti].sel.clone();
    let mut new_sel = Vec::with_capacity(n);
    let mut locked = BTreeSet::new();
    it.db.unload(ti)?;
    for k in 0..n {
        let (rn, mut rec) = match sel.get(k) {
            Some(&rn) => match it.db.stored_record(ti, rn)? {
                Some(r) => (rn, r),
                None => continue,
            },
            None => it.db.new_record(ti)?,
        };
        if sel.get(k).is_some() && !it.db.lock_record(ti, rn)? {
            locked.insert(rn);
            new_sel.push(rn);
            continue;
        }
        for (vals, _, fi) in &pairs {
            if let Some(v) = vals.get(k) {
                rec[*fi] = value_to_cell(v.clone(), it.db.field_type(ti, *fi))?;
            }
        }
        it.db.write_record(ti, rn, rec)?;
        it.db.unlock_record(ti, rn)?;
        new_sel.push(rn);
    }
    it.db.sets.insert(
        "lockedset".into(),
        crate::datastore::process::SetData { ti, recs: locked },
    );
    it.db.set_selection(ti, new_sel)?;
    Ok(Value::Undefined)
}

pub(super) fn create_selection_from_array(it: &mut Interp, a: &mut Args) -> RtResult<Value> {
    let (ti, next) = opt_table(it, a, "CREATE SELECTION FROM ARRAY")?;
    let p = array_ptr(a, next, "CREATE SELECTION FROM ARRAY")?;
    let vals = read_array(it, &p, "CREATE SELECTION FROM ARRAY")?;
    let mut sel = Vec::new();
    for (k, v) in vals.iter().enumerate() {
        let rn = match v {
            Value::Bool(true) => k as i64,
            Value::Bool(false) => continue,
            v => v.as_num().unwrap_or(-1.0) as i64,
        };
        if it.db.stored_record(ti, rn)?.is_none() {
            return err(
                dbc::BAD_RECORD,
                format!(
                    "CREATE SELECTION FROM ARRAY: record number {} does not exist",
                    rn
                ),
            );
        }
        sel.push(rn);
    }
    if a.len() > next + 1 {
        let name = val_text(it, a, next + 1, "CREATE SELECTION FROM ARRAY")?;
        it.db.named.insert(
            name.to_lowercase(),
            crate::datastore::process::NamedSel { ti, sel, pos: 0 },
        );
    } else {
        it.db.set_selection(ti, sel)?;
    }
    Ok(Value::Undefined)
}

pub(super) fn distinct_values(it: &mut Interp, a: &mut Args) -> RtResult<Value> {
    let (ti, fi) = field_at(it, a, 0, "DISTINCT VALUES")?;
    let p = array_ptr(a, 1, "DISTINCT VALUES")?;
    let ty = it.db.field_type(ti, fi);
    let sel = it.db.tables[ti].sel.clone();
    let mut cells: Vec<Cell> = it
        .db
        .cells(ti, fi, &sel)?
        .into_iter()
        .map(|c| c.1)
        .collect();
    crate::runtime::sorting::sort_by(&mut cells, crate::datastore::query::compare_cells);
    cells.dedup_by(|x, y| crate::datastore::query::compare_cells(x, y).is_eq());
    let vals = cells.iter().map(|c| cell_to_value(c, ty)).collect();
    fill_array(it, &p, var_type(ty), vals)?;
    Ok(Value::Undefined)
}

pub(super) fn numbers(it: &Interp, a: &Args, cmd: &str) -> RtResult<Vec<f64>> {
    let (ti, fi) = field_at(it, a, 0, cmd)?;
    let sel = it.db.tables[ti].sel.clone();
    Ok(it
        .db
        .cells(ti, fi, &sel)?
        .iter()
        .map(|(_, c)| match c {
            Cell::Int(i) => *i as f64,
            Cell::Real(r) => *r,
            Cell::Time(t) => *t as f64,
            _ => 0.0,
        })
        .collect())
}

pub(super) fn sum(it: &mut Interp, a: &mut Args) -> RtResult<Value> {
    Ok(Value::Real(numbers(it, a, "Sum")?.iter().sum()))
}

pub(super) fn average(it: &mut Interp, a: &mut Args) -> RtResult<Value> {
    let n = numbers(it, a, "Average")?;
    Ok(Value::Real(if n.is_empty() {
        0.0
    } else {
        n.iter().sum::<f64>() / n.len() as f64
    }))
}

pub(super) fn min(it: &mut Interp, a: &mut Args) -> RtResult<Value> {
    let n = numbers(it, a, "Min")?;
    Ok(Value::Real(
        n.iter().copied().reduce(f64::min).unwrap_or(0.0),
    ))
}

pub(super) fn max(it: &mut Interp, a: &mut Args) -> RtResult<Value> {
    let n = numbers(it, a, "Max")?;
    Ok(Value::Real(
        n.iter().copied().reduce(f64::max).unwrap_or(0.0),
    ))
}
