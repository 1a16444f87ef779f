//! JSON conversion of values (shared by the `JSON` commands, `String` of an
//! object, the datastore's object fields): the writer of `JSON Stringify` (compact, or pretty with `*`: tab indentation and
//! `"key": value`) and `JSON Parse` (numbers become reals, property order kept).
//! Dates are written `"YYYY-MM-DD"`, times as a number of seconds.

use super::error::{codes, err, RtResult};
use super::format;
use super::graph::PathGuard;
use super::value::{new_collection, new_object, text, Value};
use std::rc::Rc;

/// Parses JSON text straight into values (the same values as `from_json` of the
/// parsed `serde_json::Value`, without building that tree first); property names
/// repeated across objects share one allocation.
pub fn parse(t: &str) -> Result<Value, serde_json::Error> {
    let mut de = serde_json::Deserializer::from_str(t);
    let mut keys = std::collections::HashMap::new();
    let v = serde::de::DeserializeSeed::deserialize(Seed(&mut keys), &mut de)?;
    de.end()?;
    Ok(v)
}

type Keys = std::collections::HashMap<Box<str>, Rc<str>>;

struct Seed<'k>(&'k mut Keys);

impl<'de> serde::de::DeserializeSeed<'de> for Seed<'_> {
    type Value = Value;
    fn deserialize<D: serde::Deserializer<'de>>(self, d: D) -> Result<Value, D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> serde::de::Visitor<'de> for Seed<'_> {
    type Value = Value;
    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("any valid JSON value")
    }
    fn visit_bool<E>(self, b: bool) -> Result<Value, E> {
        Ok(Value::Bool(b))
    }
    fn visit_i64<E>(self, n: i64) -> Result<Value, E> {
        Ok(Value::Real(n as f64))
    }
    fn visit_u64<E>(self, n: u64) -> Result<Value, E> {
        Ok(Value::Real(n as f64))
    }
    fn visit_f64<E>(self, n: f64) -> Result<Value, E> {
        Ok(Value::Real(n))
    }
    fn visit_str<E>(self, s: &str) -> Result<Value, E> {
        Ok(text(s))
    }
    fn visit_string<E>(self, s: String) -> Result<Value, E> {
        Ok(Value::Text(Rc::new(s)))
    }
    fn visit_unit<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }
    fn visit_none<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }
    fn visit_some<D: serde::Deserializer<'de>>(self, d: D) -> Result<Value, D::Error> {
        d.deserialize_any(self)
    }
    fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
        let mut items = Vec::with_capacity(seq.size_hint().unwrap_or(0));
        while let Some(v) = seq.next_element_seed(Seed(&mut *self.0))? {
            items.push(v);
        }
        Ok(Value::Collection(new_collection(items)))
    }
    fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<Value, A::Error> {
        let o = new_object();
        {
            let mut ob = o.borrow_mut();
            while let Some(k) = map.next_key::<std::borrow::Cow<'de, str>>()? {
                let key = match self.0.get(&*k) {
                    Some(r) => r.clone(),
                    None => {
                        let r: Rc<str> = Rc::from(&*k);
                        if self.0.len() < 4096 && k.len() <= 64 {
                            self.0.insert(Box::from(&*k), r.clone());
                        }
                        r
                    }
                };
                let v = map.next_value_seed(Seed(&mut *self.0))?;
                ob.insert(key, v);
            }
        }
        Ok(Value::Object(o))
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

/// The JSON text of a value. A value that contains itself is error 48 (circular
/// reference, see [`crate::runtime::graph`]); a text that would pass the size
/// limit of texts (2^28 characters) is error 34.
pub fn stringify(v: &Value, pretty: bool) -> RtResult<String> {
    let mut out = String::new();
    let mut guard = PathGuard::new("JSON Stringify");
    write_json(&mut out, v, pretty, 0, &mut guard)?;
    Ok(out)
}

fn too_long(out: &str) -> RtResult<()> {
    if out.len() > codes::MAX_SIZE {
        return err(
            codes::NO_MEMORY,
            format!(
                "JSON Stringify: the text would exceed {} characters",
                codes::MAX_SIZE
            ),
        );
    }
    Ok(())
}

fn write_str(out: &mut String, s: &str) {
    out.push('"');
    // Fast path: nothing to escape.
    if !s.bytes().any(|b| b < 0x20 || b == b'"' || b == b'\\') {
        out.push_str(s);
        out.push('"');
        return;
    }
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
        use std::fmt::Write;
        let _ = write!(out, "{}", x as i64);
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

fn write_json(
    out: &mut String,
    v: &Value,
    pretty: bool,
    level: usize,
    guard: &mut PathGuard,
) -> RtResult<()> {
    match v {
        Value::Undefined | Value::Null => out.push_str("null"),
        Value::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
        Value::Int(i) => {
            use std::fmt::Write;
            let _ = write!(out, "{}", i);
        }
        Value::Real(r) => write_num(out, *r),
        Value::Time(t) => out.push_str(&t.to_string()),
        Value::Text(s) => write_str(out, s),
        Value::Date(d) => write_str(out, &format::date_iso(*d)),
        Value::Object(ob) => {
            let o = ob.borrow();
            if o.is_empty() {
                out.push_str("{}");
                return Ok(());
            }
            guard.enter(v)?;
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
                write_json(out, v, pretty, level + 1, guard)?;
                too_long(out)?;
            }
            if pretty {
                indent(out, level);
            }
            out.push('}');
            guard.leave(v);
        }
        Value::Collection(cl) => {
            let c = cl.borrow();
            if c.is_empty() {
                out.push_str("[]");
                return Ok(());
            }
            guard.enter(v)?;
            out.push('[');
            for (i, v) in c.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                if pretty {
                    indent(out, level + 1);
                }
                write_json(out, v, pretty, level + 1, guard)?;
                too_long(out)?;
            }
            if pretty {
                indent(out, level);
            }
            out.push(']');
            guard.leave(v);
        }
        Value::Picture(_) => out.push_str("\"[object Picture]\""),
        Value::Pointer(_) | Value::Blob(_) | Value::Array(_) => out.push_str("null"),
    }
    Ok(())
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
            stringify(&v, false).ok().unwrap_or_default(),
            r#"{"b":1,"a":[true,null,"x\n"],"c":{}}"#
        );
        assert_eq!(
            stringify(&v, true).ok().unwrap_or_default(),
            "{\n\t\"b\": 1,\n\t\"a\": [\n\t\ttrue,\n\t\tnull,\n\t\t\"x\\n\"\n\t],\n\t\"c\": {}\n}"
        );
        assert_eq!(
            stringify(&text("x"), false).ok().unwrap_or_default(),
            "\"x\""
        );
        assert_eq!(
            stringify(&Value::Real(0.5), false).ok().unwrap_or_default(),
            "0.5"
        );
    }
}
