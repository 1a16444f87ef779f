//! Array commands: the `ARRAY xxx` declarations (one or two dimensions; re-declaring
//! resizes and keeps elements), `Size of array`, `APPEND TO ARRAY` and friends.
//! Array parameters are received as pointers to the variable.

use super::{Args, CommandDef};
use crate::cmd;
use crate::runtime::error::{codes, err, RtResult};
use crate::runtime::interp::{as_array, Interp};
use crate::runtime::value::{Array, Value, VarType};
use std::cell::RefCell;
use std::rc::Rc;

pub const COMMANDS: &[CommandDef] = &[
    cmd!("ARRAY TEXT", array_text, refs = 1),
    cmd!("ARRAY STRING", array_string, refs = 1 << 1),
    cmd!("ARRAY LONGINT", array_longint, refs = 1),
    cmd!("ARRAY INTEGER", array_integer, refs = 1),
    cmd!("ARRAY REAL", array_real, refs = 1),
    cmd!("ARRAY BOOLEAN", array_boolean, refs = 1),
    cmd!("ARRAY DATE", array_date, refs = 1),
    cmd!("ARRAY TIME", array_time, refs = 1),
    cmd!("ARRAY OBJECT", array_object, refs = 1),
    cmd!("ARRAY POINTER", array_pointer, refs = 1),
    cmd!("ARRAY PICTURE", array_picture, refs = 1),
    cmd!("ARRAY BLOB", array_blob, refs = 1),
    cmd!("Size of array", size_of_array, refs = 1),
    cmd!("APPEND TO ARRAY", append_to_array, refs = 1),
    cmd!("INSERT IN ARRAY", insert_in_array, refs = 1),
    cmd!("DELETE FROM ARRAY", delete_from_array, refs = 1),
    cmd!("Find in array", find_in_array, refs = 1),
];

fn declare(
    it: &mut Interp,
    a: &mut Args,
    elem: VarType,
    int16: bool,
    name: &str,
    first: usize,
) -> RtResult<Value> {
    let p = a.ptr(first, name)?;
    let rows = a.num(first + 1, name)?.max(0.0) as usize;
    let cols = a.opt_num(first + 2, name)?.map(|c| c.max(0.0) as usize);
    if rows.saturating_mul(cols.unwrap_or(1).max(1)) >= codes::MAX_SIZE {
        return err(
            codes::NO_MEMORY,
            format!("{}: not enough memory for this size", name),
        );
    }
    let existing = match it.deref_raw(&p) {
        Ok(Value::Array(arr)) => Some(arr),
        _ => None,
    };
    let make_row = |n: usize| {
        let mut r = Array::new(elem, n);
        r.int16 = int16;
        Value::Array(Rc::new(RefCell::new(r)))
    };
    if let Some(arr) = existing {
        let mut ar = arr.borrow_mut();
        if ar.elem == elem && ar.two_d == cols.is_some() {
            match cols {
                None => ar.resize(rows),
                Some(c) => {
                    let old = ar.elems.len();
                    ar.elems.truncate(rows + 1);
                    for row in ar.elems.iter() {
                        if let Value::Array(r) = row {
                            r.borrow_mut().resize(c);
                        }
                    }
                    for _ in old..rows + 1 {
                        ar.elems.push(make_row(c));
                    }
                }
            }
            return Ok(Value::Undefined);
        }
    }
    let mut arr = Array::new(elem, rows);
    arr.int16 = int16;
    if let Some(c) = cols {
        arr.two_d = true;
        arr.elems = (0..rows + 1).map(|_| make_row(c)).collect();
    }
    it.set_raw(&p, Value::Array(Rc::new(RefCell::new(arr))))?;
    Ok(Value::Undefined)
}

macro_rules! array_cmd {
    ($f:ident, $t:expr, $i16:expr, $name:expr) => {
        fn $f(it: &mut Interp, a: &mut Args) -> RtResult<Value> {
            declare(it, a, $t, $i16, $name, 0)
        }
    };
}
array_cmd!(array_text, VarType::Text, false, "ARRAY TEXT");
array_cmd!(array_longint, VarType::Integer, false, "ARRAY LONGINT");
array_cmd!(array_integer, VarType::Integer, true, "ARRAY INTEGER");
array_cmd!(array_real, VarType::Real, false, "ARRAY REAL");
array_cmd!(array_boolean, VarType::Boolean, false, "ARRAY BOOLEAN");
array_cmd!(array_date, VarType::Date, false, "ARRAY DATE");
array_cmd!(array_time, VarType::Time, false, "ARRAY TIME");
array_cmd!(array_object, VarType::Object, false, "ARRAY OBJECT");
array_cmd!(array_pointer, VarType::Pointer, false, "ARRAY POINTER");
array_cmd!(array_picture, VarType::Picture, false, "ARRAY PICTURE");
array_cmd!(array_blob, VarType::Blob, false, "ARRAY BLOB");

fn array_string(it: &mut Interp, a: &mut Args) -> RtResult<Value> {
    declare(it, a, VarType::Text, false, "ARRAY STRING", 1)
}

fn the_array(it: &mut Interp, a: &Args, name: &str) -> RtResult<crate::runtime::value::ArrRef> {
    let p = a.ptr(0, name)?;
    let v = it.deref_raw(&p)?;
    as_array(&v)
}

fn size_of_array(it: &mut Interp, a: &mut Args) -> RtResult<Value> {
    let arr = the_array(it, a, "Size of array")?;
    let n = arr.borrow().size();
    Ok(Value::Int(n as i32))
}

fn append_to_array(it: &mut Interp, a: &mut Args) -> RtResult<Value> {
    let arr = the_array(it, a, "APPEND TO ARRAY")?;
    let v = a.take(1);
    let mut ar = arr.borrow_mut();
    let ty = ar.elem;
    match ty.coerce(v) {
        Ok(v) => ar.elems.push(v),
        Err(v) => {
            return err(
                codes::BAD_ASSIGN,
                format!(
                    "APPEND TO ARRAY: cannot put a {} in a {} array",
                    v.type_name(),
                    ty.name()
                ),
            )
        }
    }
    Ok(Value::Undefined)
}

fn insert_in_array(it: &mut Interp, a: &mut Args) -> RtResult<Value> {
    let arr = the_array(it, a, "INSERT IN ARRAY")?;
    let at = a.num(1, "INSERT IN ARRAY")?.max(1.0) as usize;
    let n = a.opt_num(2, "INSERT IN ARRAY")?.unwrap_or(1.0).max(0.0) as usize;
    if n >= codes::MAX_SIZE {
        return err(codes::NO_MEMORY, "INSERT IN ARRAY: not enough memory");
    }
    let mut ar = arr.borrow_mut();
    let d = ar.elem.default_value();
    let at = at.min(ar.elems.len());
    ar.elems.splice(at..at, std::iter::repeat_n(d, n));
    Ok(Value::Undefined)
}

fn delete_from_array(it: &mut Interp, a: &mut Args) -> RtResult<Value> {
    let arr = the_array(it, a, "DELETE FROM ARRAY")?;
    let at = a.num(1, "DELETE FROM ARRAY")? as i64;
    let n = a.opt_num(2, "DELETE FROM ARRAY")?.unwrap_or(1.0).max(0.0) as usize;
    let mut ar = arr.borrow_mut();
    if at >= 1 && (at as usize) < ar.elems.len() {
        let e = (at as usize + n).min(ar.elems.len());
        ar.elems.drain(at as usize..e);
    }
    Ok(Value::Undefined)
}

fn find_in_array(it: &mut Interp, a: &mut Args) -> RtResult<Value> {
    let arr = the_array(it, a, "Find in array")?;
    let v = a.get(1).clone();
    let start = a.opt_num(2, "Find in array")?.unwrap_or(1.0).max(1.0) as usize;
    let ar = arr.borrow();
    for (i, e) in ar.elems.iter().enumerate().skip(start) {
        if crate::runtime::ops::equal(e, &v).unwrap_or(false) {
            return Ok(Value::Int(i as i32));
        }
    }
    Ok(Value::Int(-1))
}
