//! JSON: `JSON Stringify` (compact, or pretty with `*`: tab indentation and
//! `"key": value`) and `JSON Parse` (numbers become reals, property order kept).
//! Dates are written `"YYYY-MM-DD"`, times as a number of seconds.

use super::{Args, CommandDef};
use crate::cmd;
use crate::runtime::error::{codes, err, RtResult};
use crate::runtime::format;
use crate::runtime::interp::Interp;
use crate::runtime::value::{new_collection, new_object, text, Value};
use std::rc::Rc;

pub const COMMANDS: &[CommandDef] = &[
    cmd!("JSON Stringify", json_stringify),
    cmd!("JSON Parse", json_parse),
];

fn json_stringify(_: &mut Interp, a: &mut Args) -> RtResult<Value> {
    Ok(text(stringify(a.get(0), a.star)))
}

fn json_parse(_: &mut Interp, a: &mut Args) -> RtResult<Value> {
    let t = a.text(0, "JSON Parse")?;
    // docs/commands-legacy/json-parse.md: an optional type converts the result.
    match serde_json::from_str::<serde_json::Value>(&t) {
        Ok(j) => Ok(match a.opt_num(1, "JSON Parse")? {
            Some(ty) => super::object::convert_to_type(from_json(j), ty as i32),
            None => from_json(j),
        }),
        Err(e) => err(codes::BAD_JSON, format!("JSON Parse: invalid JSON ({})", e)),
    }
}

pub fn from_json(j: serde_json::Value) -> Value {
    use serde_json::Value as J;
    match j {
        J::Null => Value::Null,
        J::Bool(b) => Value::Bool(b),
        J::Number(n) => Value::Real(n.as_f64().unwrap_or(0.0)),
        J::String(s) => Value::Text(Rc::new(s)),
        J::Array(items) => {
            Value::Collection(new_collection(items.into_iter().map(from_json).collect()))
        }
        J::Object(map) => {
            let o = new_object();
            {
                let mut ob = o.borrow_mut();
                for (k, v) in map {
                    ob.insert(Rc::from(k.as_str()), from_json(v));
                }
            }
            Value::Object(o)
        }
    }
}

/// The JSON text of a value.
pub fn stringify(v: &Value, pretty: bool) -> String {
    let mut out = String::new();
    write_json(&mut out, v, pretty, 0);
    out
}

fn write_str(out: &mut String, s: &str) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if (c as u32) < 0x20 => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
}

fn write_num(out: &mut String, x: f64) {
    if !x.is_finite() {
        out.push_str("null");
    } else if x.fract() == 0.0 && x.abs() < 1e15 {
        out.push_str(&format!("{}", x as i64));
    } else {
        match serde_json::Number::from_f64(x) {
            Some(n) => out.push_str(&n.to_string()),
            None => out.push_str("null"),
        }
    }
}

fn indent(out: &mut String, n: usize) {
    out.push('\n');
    for _ in 0..n {
        out.push('\t');
    }
}

fn write_json(out: &mut String, v: &Value, pretty: bool, level: usize) {
    match v {
        Value::Undefined | Value::Null => out.push_str("null"),
        Value::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
        Value::Int(i) => out.push_str(&i.to_string()),
        Value::Real(r) => write_num(out, *r),
        Value::Time(t) => out.push_str(&t.to_string()),
        Value::Text(s) => write_str(out, s),
        Value::Date(d) => write_str(out, &format::date_iso(*d)),
        Value::Object(o) => {
            let o = o.borrow();
            if o.is_empty() {
                out.push_str("{}");
                return;
            }
            out.push('{');
            for (i, (k, v)) in o.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                if pretty {
                    indent(out, level + 1);
                }
                write_str(out, k);
                out.push_str(if pretty { ": " } else { ":" });
                write_json(out, v, pretty, level + 1);
            }
            if pretty {
                indent(out, level);
            }
            out.push('}');
        }
        Value::Collection(c) => {
            let c = c.borrow();
            if c.is_empty() {
                out.push_str("[]");
                return;
            }
            out.push('[');
            for (i, v) in c.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                if pretty {
                    indent(out, level + 1);
                }
                write_json(out, v, pretty, level + 1);
            }
            if pretty {
                indent(out, level);
            }
            out.push(']');
        }
        Value::Picture(_) => out.push_str("\"[object Picture]\""),
        Value::Pointer(_) | Value::Blob(_) | Value::Array(_) => out.push_str("null"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn roundtrip() {
        let j: serde_json::Value =
            serde_json::from_str(r#"{"b":1,"a":[true,null,"x\n"],"c":{}}"#).unwrap_or_default();
        let v = from_json(j);
        assert_eq!(
            stringify(&v, false),
            r#"{"b":1,"a":[true,null,"x\n"],"c":{}}"#
        );
        assert_eq!(
            stringify(&v, true),
            "{\n\t\"b\": 1,\n\t\"a\": [\n\t\ttrue,\n\t\tnull,\n\t\t\"x\\n\"\n\t],\n\t\"c\": {}\n}"
        );
        assert_eq!(stringify(&text("x"), false), "\"x\"");
        assert_eq!(stringify(&Value::Real(0.5), false), "0.5");
    }
}
