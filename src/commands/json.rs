//! The `JSON Stringify` and `JSON Parse` commands, and their array forms `JSON
//! Stringify array` and `JSON PARSE ARRAY`; the conversion itself is
//! `runtime::json` (shared with the runtime and the datastore).

use super::{Args, CommandDef};
use crate::cmd;
use crate::runtime::error::{codes, err, RtResult};
use crate::runtime::interp::Interp;
use crate::runtime::value::{text, Value};

pub use crate::runtime::json::*;

pub const COMMANDS: &[CommandDef] = &[
    cmd!("JSON Stringify", json_stringify),
    cmd!("JSON Parse", json_parse),
    cmd!("JSON Stringify array", json_stringify_array, refs = 1),
    cmd!("JSON PARSE ARRAY", json_parse_array, refs = 1 << 1),
];

/// docs/commands/json-stringify-array.md: the array's elements (from element 1)
/// as a JSON array; `*` pretty-prints.
fn json_stringify_array(it: &mut Interp, a: &mut Args) -> RtResult<Value> {
    let p = a.ptr(0, "JSON Stringify array")?;
    let arr = crate::runtime::interp::as_array(&it.deref_raw(&p)?)?;
    let elems: Vec<Value> = arr.borrow().elems.iter().skip(1).cloned().collect();
    let c = Value::Collection(crate::runtime::value::new_collection(elems));
    Ok(text(stringify(&c, a.star)?))
}

/// docs/commands/json-parse-array.md: the elements of a JSON array into a 4D
/// array, each converted to the array's type; text that is not a JSON array
/// raises the JSON Parse error.
fn json_parse_array(it: &mut Interp, a: &mut Args) -> RtResult<Value> {
    let t = a.text(0, "JSON PARSE ARRAY")?;
    let v = parse(&t).map_err(|e| {
        crate::runtime::error::rt_error(
            codes::BAD_JSON,
            format!("JSON PARSE ARRAY: invalid JSON ({})", e),
        )
    })?;
    let Value::Collection(c) = v else {
        return err(
            codes::BAD_JSON,
            "JSON PARSE ARRAY: the JSON is not an array",
        );
    };
    let vals: Vec<Value> = c.borrow().iter().cloned().collect();
    super::fill_array(it, a, 1, "JSON PARSE ARRAY", vals)?;
    Ok(Value::Undefined)
}

fn json_stringify(_: &mut Interp, a: &mut Args) -> RtResult<Value> {
    Ok(text(stringify(a.get(0), a.star)?))
}

fn json_parse(_: &mut Interp, a: &mut Args) -> RtResult<Value> {
    let t = a.text(0, "JSON Parse")?;
    // docs/commands-legacy/json-parse.md: an optional type converts the result.
    match parse(&t) {
        Ok(v) => Ok(match a.opt_num(1, "JSON Parse")? {
            Some(ty) => super::object::convert_to_type(v, ty as i32),
            None => v,
        }),
        Err(e) => err(codes::BAD_JSON, format!("JSON Parse: invalid JSON ({})", e)),
    }
}
