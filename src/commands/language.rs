//! Language commands: Boolean and null values, type inspection, parameters and
//! method names, output (`LOG EVENT`, `ALERT`), pointers.

use super::{Args, CommandDef};
use crate::cmd;
use crate::runtime::error::{codes, err, RtResult};
use crate::runtime::format;
use crate::runtime::interp::Interp;
use crate::runtime::value::{text, Ptr, Value};

pub const COMMANDS: &[CommandDef] = &[
    cmd!("True", true_),
    cmd!("False", false_),
    cmd!("Null", null),
    cmd!("Not", not),
    cmd!("Bool", bool_),
    cmd!("Undefined", undefined),
    cmd!("Value type", value_type),
    cmd!("Type", type_, refs = 1),
    cmd!("Count parameters", count_parameters),
    cmd!("Current method name", current_method_name),
    cmd!("LOG EVENT", log_event),
    cmd!("ALERT", alert),
    cmd!("Is nil pointer", is_nil_pointer),
    cmd!("CLEAR VARIABLE", clear_variable, refs = 1),
    cmd!("TRACE", nop),
    cmd!("Choose", choose),
    cmd!("Generate UUID", generate_uuid),
    cmd!("Is compiled mode", false_),
    cmd!("Application type", application_type),
];

fn nop(_: &mut Interp, _: &mut Args) -> RtResult<Value> {
    Ok(Value::Undefined)
}
fn true_(_: &mut Interp, _: &mut Args) -> RtResult<Value> {
    Ok(Value::Bool(true))
}
fn false_(_: &mut Interp, _: &mut Args) -> RtResult<Value> {
    Ok(Value::Bool(false))
}
fn null(_: &mut Interp, _: &mut Args) -> RtResult<Value> {
    Ok(Value::Null)
}

fn not(_: &mut Interp, a: &mut Args) -> RtResult<Value> {
    match a.get(0) {
        Value::Bool(b) => Ok(Value::Bool(!b)),
        Value::Undefined => Ok(Value::Bool(true)),
        v => err(
            codes::TYPE_MISMATCH,
            format!("Not: Boolean expected, got {}", v.type_name()),
        ),
    }
}

fn bool_(_: &mut Interp, a: &mut Args) -> RtResult<Value> {
    Ok(Value::Bool(match a.get(0) {
        Value::Bool(b) => *b,
        Value::Int(i) => *i != 0,
        Value::Real(r) => *r != 0.0,
        Value::Time(t) => *t != 0,
        _ => false,
    }))
}

fn undefined(_: &mut Interp, a: &mut Args) -> RtResult<Value> {
    Ok(Value::Bool(matches!(a.get(0), Value::Undefined)))
}

fn value_type(_: &mut Interp, a: &mut Args) -> RtResult<Value> {
    Ok(Value::Int(a.get(0).type_code()))
}

fn type_(it: &mut Interp, a: &mut Args) -> RtResult<Value> {
    match a.get(0).clone() {
        Value::Pointer(p) if !matches!(*p, Ptr::Nil) => {
            let v = it.deref_raw(&p)?;
            if let Value::Array(_) = v {
                return Ok(Value::Int(v.type_code()));
            }
            let ty = it.ptr_type(&p);
            Ok(Value::Int(match ty {
                crate::runtime::value::VarType::Undeclared => v.type_code(),
                t => t.type_code(),
            }))
        }
        v => Ok(Value::Int(v.type_code())),
    }
}

fn count_parameters(it: &mut Interp, _: &mut Args) -> RtResult<Value> {
    Ok(Value::Int(it.frame().map(|f| f.nargs as i32).unwrap_or(0)))
}

fn current_method_name(it: &mut Interp, _: &mut Args) -> RtResult<Value> {
    Ok(text(
        it.current_method().map(|m| m.name.as_str()).unwrap_or(""),
    ))
}

/// `LOG EVENT({outputType;} message{; importance})`: only `Into system standard
/// outputs` (6) prints: the message as-is to stdout, or stderr with importance
/// `Error message` (2). Other destinations are ignored.
fn log_event(it: &mut Interp, a: &mut Args) -> RtResult<Value> {
    let (dest, msg, importance) = match a.len() {
        0 => return err(codes::BAD_ARG, "LOG EVENT: missing message"),
        1 => (0, a.get(0).clone(), 0),
        _ if a.get(0).is_number() => (
            a.num(0, "LOG EVENT")? as i64,
            a.get(1).clone(),
            a.opt_num(2, "LOG EVENT")?.unwrap_or(0.0) as i64,
        ),
        _ => (0, a.get(0).clone(), a.num(1, "LOG EVENT")? as i64),
    };
    if dest == 6 {
        let s = format::try_to_text(&msg)?;
        if importance == 2 {
            it.write_err(&s);
        } else {
            it.write_out(&s);
        }
    }
    Ok(Value::Undefined)
}

/// `ALERT(message)`: headless stand-in for the dialog, the message and a newline
/// on stdout.
fn alert(it: &mut Interp, a: &mut Args) -> RtResult<Value> {
    let mut s = format::try_to_text(a.get(0))?;
    s.push('\n');
    it.write_out(&s);
    Ok(Value::Undefined)
}

fn is_nil_pointer(_: &mut Interp, a: &mut Args) -> RtResult<Value> {
    Ok(Value::Bool(match a.get(0) {
        Value::Pointer(p) => matches!(**p, Ptr::Nil),
        _ => true,
    }))
}

fn clear_variable(it: &mut Interp, a: &mut Args) -> RtResult<Value> {
    let p = a.ptr(0, "CLEAR VARIABLE")?;
    // docs/commands-legacy/clear-variable.md: an array keeps its type, size 0.
    if let Ok(Value::Array(arr)) = it.deref_raw(&p) {
        let mut ar = arr.borrow_mut();
        let d = if ar.two_d {
            Value::Array(std::rc::Rc::new(std::cell::RefCell::new(
                crate::runtime::value::Array::new(ar.elem, 0),
            )))
        } else {
            ar.elem.default_value()
        };
        ar.elems = vec![d];
        ar.selected = 0;
        return Ok(Value::Undefined);
    }
    let ty = it.ptr_type(&p);
    // an undeclared variable keeps the type its value gave it
    let v = match ty {
        crate::runtime::value::VarType::Undeclared => {
            crate::runtime::access::empty_like(&it.deref_raw(&p)?)
        }
        t => t.default_value(),
    };
    let v = if matches!(v, Value::Null) && ty == crate::runtime::value::VarType::Undeclared {
        Value::Undefined
    } else {
        v
    };
    it.set_raw(&p, v)?;
    Ok(Value::Undefined)
}

fn choose(_: &mut Interp, a: &mut Args) -> RtResult<Value> {
    let idx = match a.get(0) {
        Value::Bool(b) => {
            if *b {
                0
            } else {
                1
            }
        }
        v => v.as_num().unwrap_or(-1.0) as i64,
    };
    // docs/commands-legacy/choose.md: no matching value gives the empty value of
    // the values' type.
    if idx < 0 || idx as usize + 1 >= a.len() {
        return Ok(crate::runtime::access::empty_like(a.get(1)));
    }
    Ok(a.get(idx as usize + 1).clone())
}

fn generate_uuid(_: &mut Interp, _: &mut Args) -> RtResult<Value> {
    Ok(text(
        uuid::Uuid::new_v4().simple().to_string().to_uppercase(),
    ))
}

fn application_type(_: &mut Interp, _: &mut Args) -> RtResult<Value> {
    Ok(Value::Int(6))
}
