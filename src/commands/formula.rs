//! Dynamic calls and classes as values: `EXECUTE METHOD`, `OB Class`,
//! `OB Instance of`, `EXECUTE FORMULA` and `Formula from string` with a text
//! computed at run time (`runtime::dynamic`). (`Formula`, `Formula from string` and
//! `EXECUTE FORMULA` with a constant text and `Try` are compiled by the resolver,
//! `compile::special`.)

use super::{Args, CommandDef};
use crate::cmd;
use crate::runtime::error::{codes, err, RtResult};
use crate::runtime::interp::Interp;
use crate::runtime::process::OK_VAR;
use crate::runtime::value::Value;

pub const COMMANDS: &[CommandDef] = &[
    cmd!("EXECUTE METHOD", execute_method),
    cmd!("OB Class", ob_class),
    cmd!("OB Instance of", ob_instance_of),
    cmd!("EXECUTE FORMULA", execute_formula),
    cmd!("Formula from string", formula_from_string),
];

/// `EXECUTE METHOD(name; *{; params})`: sets OK to 1, or 0 when the method does
/// not exist (which is not an error). Returns the method's result: the resolver
/// turns `EXECUTE METHOD(name; $r; ...)` into `$r:=EXECUTE METHOD(name; *; ...)`.
fn execute_method(it: &mut Interp, a: &mut Args) -> RtResult<Value> {
    let name = a.text(0, "EXECUTE METHOD")?;
    let Some(&id) = it.prog.method_names.get(&name.to_lowercase()) else {
        it.process.vars[OK_VAR as usize] = Value::Int(0);
        return Ok(Value::Undefined);
    };
    let params = a.vals.get(1..).unwrap_or(&[]).to_vec();
    it.process.vars[OK_VAR as usize] = Value::Int(1);
    it.call_method(id, params, 0)
}

/// `EXECUTE FORMULA(text)`: compiles the text (once per distinct text) and runs it
/// with the current method's variables.
fn execute_formula(it: &mut Interp, a: &mut Args) -> RtResult<Value> {
    let t = a.text(0, "EXECUTE FORMULA")?;
    it.execute_text(&t)?;
    Ok(Value::Undefined)
}

/// `Formula from string(text)`: compiles the text (once per distinct text).
fn formula_from_string(it: &mut Interp, a: &mut Args) -> RtResult<Value> {
    let t = a.text(0, "Formula from string")?;
    it.formula_from_text(&t)
}

fn ob_class(it: &mut Interp, a: &mut Args) -> RtResult<Value> {
    Ok(match it.class_of(a.get(0)) {
        Some(c) => Value::Object(it.oo.class_objs[c as usize].clone()),
        None => Value::Null,
    })
}

fn ob_instance_of(it: &mut Interp, a: &mut Args) -> RtResult<Value> {
    let Some(target) = it.class_id_of(a.get(1)) else {
        return err(codes::BAD_ARG, "OB Instance of: a class expected");
    };
    Ok(Value::Bool(match it.class_of(a.get(0)) {
        Some(c) => it.is_subclass(c, target),
        None => false,
    }))
}
