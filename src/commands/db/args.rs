//! The argument readers and result writers every database command shares: values
//! through their variables, tables and fields from pointers, arrays, `OK`, sets by name.

use crate::commands::Args;
use crate::datastore::codes as dbc;
use crate::runtime::error::{codes, err, RtResult};
use crate::runtime::interp::{read_var, Interp};
use crate::runtime::process::OK_VAR;
use crate::runtime::value::{Array, Ptr, Value, VarType};
use std::cell::RefCell;
use std::rc::Rc;

pub(in crate::commands) fn set_ok(it: &mut Interp, ok: bool) {
    it.process.vars[OK_VAR as usize] = Value::Int(ok as i32);
}

/// Parameter `i` as a value: a variable passed by reference is read.
pub(in crate::commands) fn val(it: &Interp, a: &Args, i: usize) -> RtResult<Value> {
    match a.get(i) {
        Value::Pointer(p) => match &**p {
            Ptr::Local { .. } | Ptr::Process(_) | Ptr::Inter(_) | Ptr::Element(_) => {
                Ok(read_var(&it.deref_raw(p)?))
            }
            _ => Ok(a.get(i).clone()),
        },
        v => Ok(v.clone()),
    }
}

pub(in crate::commands) fn val_text(
    it: &Interp,
    a: &Args,
    i: usize,
    cmd: &str,
) -> RtResult<String> {
    match val(it, a, i)? {
        Value::Text(t) => Ok(t.to_string()),
        v => err(
            codes::TYPE_MISMATCH,
            format!(
                "{}: parameter {} must be a text, got {}",
                cmd,
                i + 1,
                v.type_name()
            ),
        ),
    }
}

pub(in crate::commands) fn val_num(it: &Interp, a: &Args, i: usize, cmd: &str) -> RtResult<f64> {
    match val(it, a, i)? {
        v if v.is_number() => Ok(v.as_num().unwrap_or(0.0)),
        Value::Undefined => Ok(0.0),
        v => err(
            codes::TYPE_MISMATCH,
            format!(
                "{}: parameter {} must be a number, got {}",
                cmd,
                i + 1,
                v.type_name()
            ),
        ),
    }
}

/// The table pointed to by parameter `i`, if it is a table (or a pointer to one).
pub(in crate::commands) fn table_at(it: &Interp, a: &Args, i: usize) -> Option<u32> {
    match val(it, a, i).ok()? {
        Value::Pointer(p) => match &*p {
            Ptr::Table(t) => Some(*t),
            _ => None,
        },
        _ => None,
    }
}

/// The optional leading table parameter (else the default table): table index and
/// the index of the next parameter.
pub(in crate::commands) fn opt_table(it: &Interp, a: &Args, cmd: &str) -> RtResult<(usize, usize)> {
    if let Some(t) = table_at(it, a, 0) {
        return Ok((it.db.ti(t)?, 1));
    }
    if it.db.store.is_none() {
        return crate::datastore::process::no_db();
    }
    match it.db.default_table {
        Some(ti) => Ok((ti, 0)),
        None => err(
            dbc::BAD_TABLE,
            format!("{}: no table given and no default table", cmd),
        ),
    }
}

/// Parameter `i` as a field: (table index, field index).
pub(in crate::commands) fn field_at(
    it: &Interp,
    a: &Args,
    i: usize,
    cmd: &str,
) -> RtResult<(usize, usize)> {
    if let Value::Pointer(p) = val(it, a, i)? {
        if let Ptr::Field(t, f) = &*p {
            return it.db.tfi(*t, *f);
        }
    }
    err(
        codes::BAD_ARG,
        format!("{}: parameter {} must be a field", cmd, i + 1),
    )
}

pub(in crate::commands) fn array_ptr(a: &Args, i: usize, cmd: &str) -> RtResult<Rc<Ptr>> {
    match a.get(i) {
        Value::Pointer(p) => Ok(p.clone()),
        _ => err(
            codes::NOT_ARRAY,
            format!("{}: parameter {} must be an array", cmd, i + 1),
        ),
    }
}

pub(in crate::commands) fn read_array(it: &Interp, p: &Ptr, cmd: &str) -> RtResult<Vec<Value>> {
    match it.deref_raw(p)? {
        Value::Array(arr) => Ok(arr.borrow().elems.iter().skip(1).cloned().collect()),
        _ => err(codes::NOT_ARRAY, format!("{}: an array is expected", cmd)),
    }
}

/// Replaces an array's content (typed `ty`), keeping the same array if it exists.
pub(in crate::commands) fn fill_array(
    it: &mut Interp,
    p: &Ptr,
    ty: VarType,
    vals: Vec<Value>,
) -> RtResult<()> {
    let mut elems = Vec::with_capacity(vals.len() + 1);
    elems.push(ty.default_value());
    elems.extend(vals);
    if let Ok(Value::Array(arr)) = it.deref_raw(p) {
        let mut a = arr.borrow_mut();
        a.elem = ty;
        a.int16 = false;
        a.two_d = false;
        a.elems = elems;
        a.selected = 0;
        return Ok(());
    }
    let mut arr = Array::new(ty, 0);
    arr.elems = elems;
    it.set_raw(p, Value::Array(Rc::new(RefCell::new(arr))))
}

pub(in crate::commands) fn set_var(it: &mut Interp, a: &Args, i: usize, v: Value) -> RtResult<()> {
    if let Value::Pointer(p) = a.get(i) {
        let p = p.clone();
        return it.store_ptr(&p, v);
    }
    Ok(())
}

pub(in crate::commands) fn table_of_set(it: &Interp, name: &str, cmd: &str) -> RtResult<usize> {
    match it.db.sets.get(&name.to_lowercase()) {
        Some(s) => Ok(s.ti),
        None => err(
            codes::BAD_ARG,
            format!("{}: the set \"{}\" does not exist", cmd, name),
        ),
    }
}
