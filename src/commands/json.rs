//! The `JSON Stringify` and `JSON Parse` commands; the conversion itself is
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
];

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
