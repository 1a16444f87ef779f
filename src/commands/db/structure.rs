//! The structure commands: `Table`, `Field`, their names, `Records in table`, the
//! last table and field numbers, `DEFAULT TABLE`.

use super::args::*;
use crate::commands::Args;
use crate::runtime::error::{codes, err, RtResult};
use crate::runtime::interp::Interp;
use crate::runtime::value::{text, Ptr, Value};
use std::rc::Rc;

pub(super) fn table(it: &mut Interp, a: &mut Args) -> RtResult<Value> {
    match val(it, a, 0)? {
        Value::Pointer(p) => match &*p {
            Ptr::Table(t) | Ptr::Field(t, _) => Ok(Value::Int(*t as i32)),
            _ => err(
                codes::BAD_ARG,
                "Table: a pointer to a table or field is expected",
            ),
        },
        v if v.is_number() => {
            let n = v.as_num().unwrap_or(0.0) as u32;
            it.db.ti(n)?;
            Ok(Value::Pointer(Rc::new(Ptr::Table(n))))
        }
        _ => err(
            codes::BAD_ARG,
            "Table: a table number or pointer is expected",
        ),
    }
}

pub(super) fn field(it: &mut Interp, a: &mut Args) -> RtResult<Value> {
    if a.len() >= 2 {
        let t = val_num(it, a, 0, "Field")? as u32;
        let f = val_num(it, a, 1, "Field")? as u32;
        it.db.tfi(t, f)?;
        return Ok(Value::Pointer(Rc::new(Ptr::Field(t, f))));
    }
    match val(it, a, 0)? {
        Value::Pointer(p) => match &*p {
            Ptr::Field(_, f) => Ok(Value::Int(*f as i32)),
            _ => err(codes::BAD_ARG, "Field: a pointer to a field is expected"),
        },
        _ => err(codes::BAD_ARG, "Field: a pointer to a field is expected"),
    }
}

pub(super) fn table_name(it: &mut Interp, a: &mut Args) -> RtResult<Value> {
    let t = match val(it, a, 0)? {
        Value::Pointer(p) => match &*p {
            Ptr::Table(t) | Ptr::Field(t, _) => *t,
            _ => return err(codes::BAD_ARG, "Table name: a table is expected"),
        },
        v => v.as_num().unwrap_or(0.0) as u32,
    };
    let ti = it.db.ti(t)?;
    let name = it
        .db
        .structure()
        .map(|s| s.tables[ti].name.clone())
        .unwrap_or_default();
    Ok(text(name))
}

pub(super) fn field_name(it: &mut Interp, a: &mut Args) -> RtResult<Value> {
    let (t, f) = if a.len() >= 2 {
        (
            val_num(it, a, 0, "Field name")? as u32,
            val_num(it, a, 1, "Field name")? as u32,
        )
    } else {
        match val(it, a, 0)? {
            Value::Pointer(p) => match &*p {
                Ptr::Field(t, f) => (*t, *f),
                _ => return err(codes::BAD_ARG, "Field name: a field is expected"),
            },
            _ => return err(codes::BAD_ARG, "Field name: a field is expected"),
        }
    };
    let (ti, fi) = it.db.tfi(t, f)?;
    let name = it
        .db
        .structure()
        .map(|s| s.tables[ti].fields[fi].name.clone())
        .unwrap_or_default();
    Ok(text(name))
}

pub(super) fn records_in_table(it: &mut Interp, a: &mut Args) -> RtResult<Value> {
    let (ti, _) = opt_table(it, a, "Records in table")?;
    Ok(Value::Int(it.db.records_in_table(ti)? as i32))
}

pub(super) fn last_table_number(it: &mut Interp, _: &mut Args) -> RtResult<Value> {
    let n = it
        .db
        .structure()
        .and_then(|s| s.tables.iter().map(|t| t.num).max())
        .unwrap_or(0);
    Ok(Value::Int(n as i32))
}

pub(super) fn last_field_number(it: &mut Interp, a: &mut Args) -> RtResult<Value> {
    let t = match table_at(it, a, 0) {
        Some(t) => t,
        None => val_num(it, a, 0, "Get last field number")? as u32,
    };
    let ti = it.db.ti(t)?;
    let n = it
        .db
        .structure()
        .and_then(|s| s.tables[ti].fields.iter().map(|f| f.num).max())
        .unwrap_or(0);
    Ok(Value::Int(n as i32))
}

pub(super) fn default_table(it: &mut Interp, a: &mut Args) -> RtResult<Value> {
    let (ti, _) = opt_table(it, a, "DEFAULT TABLE")?;
    it.db.default_table = Some(ti);
    Ok(Value::Undefined)
}
