//! Object commands: `New object` and a few `OB` commands.

use super::{Args, CommandDef};
use crate::cmd;
use crate::runtime::error::{codes, err, RtResult};
use crate::runtime::interp::Interp;
use crate::runtime::value::{new_collection, new_object, text, Obj, Value};
use std::rc::Rc;

pub const COMMANDS: &[CommandDef] = &[
    cmd!("New object", new_object_cmd),
    cmd!("OB Is defined", ob_is_defined),
    cmd!("OB Is empty", ob_is_empty),
    cmd!("OB Keys", ob_keys),
    cmd!("OB Values", ob_values),
    cmd!("OB Copy", ob_copy),
    cmd!("OB Get", ob_get),
    cmd!("OB SET", ob_set),
    cmd!("OB REMOVE", ob_remove),
];

fn new_object_cmd(_: &mut Interp, a: &mut Args) -> RtResult<Value> {
    let o = new_object();
    {
        let mut ob = o.borrow_mut();
        let mut i = 0;
        while i + 1 < a.len() {
            let k = a.text(i, "New object")?;
            let v = a.take(i + 1);
            ob.insert(Rc::from(k.as_str()), crate::runtime::value::stored(v));
            i += 2;
        }
    }
    Ok(Value::Object(o))
}

fn obj(a: &Args, i: usize, cmd: &str) -> RtResult<Option<Obj>> {
    match a.get(i) {
        Value::Object(o) => Ok(Some(o.clone())),
        Value::Null | Value::Undefined => Ok(None),
        v => err(
            codes::TYPE_MISMATCH,
            format!("{}: object expected, got {}", cmd, v.type_name()),
        ),
    }
}

fn ob_is_defined(_: &mut Interp, a: &mut Args) -> RtResult<Value> {
    let o = obj(a, 0, "OB Is defined")?;
    Ok(Value::Bool(match (o, a.len()) {
        (None, _) => false,
        (Some(_), 1) => true,
        (Some(o), _) => {
            let k = a.text(1, "OB Is defined")?;
            o.borrow().contains_key(k.as_str())
        }
    }))
}

fn ob_is_empty(_: &mut Interp, a: &mut Args) -> RtResult<Value> {
    Ok(Value::Bool(
        obj(a, 0, "OB Is empty")?
            .map(|o| o.borrow().is_empty())
            .unwrap_or(true),
    ))
}

fn ob_keys(_: &mut Interp, a: &mut Args) -> RtResult<Value> {
    let keys = match obj(a, 0, "OB Keys")? {
        Some(o) => o.borrow().keys().map(|k| text(&**k)).collect(),
        None => Vec::new(),
    };
    Ok(Value::Collection(new_collection(keys)))
}

fn ob_values(_: &mut Interp, a: &mut Args) -> RtResult<Value> {
    let vals = match obj(a, 0, "OB Values")? {
        Some(o) => o.borrow().values().cloned().collect(),
        None => Vec::new(),
    };
    Ok(Value::Collection(new_collection(vals)))
}

/// A deep copy of objects and collections (scalars are returned as they are).
pub fn deep_copy(v: &Value) -> Value {
    match v {
        Value::Object(o) => {
            let n = new_object();
            {
                let mut nb = n.borrow_mut();
                for (k, v) in o.borrow().iter() {
                    nb.insert(k.clone(), deep_copy(v));
                }
            }
            Value::Object(n)
        }
        Value::Collection(c) => {
            Value::Collection(new_collection(c.borrow().iter().map(deep_copy).collect()))
        }
        v => v.clone(),
    }
}

fn ob_copy(_: &mut Interp, a: &mut Args) -> RtResult<Value> {
    Ok(deep_copy(a.get(0)))
}

fn ob_get(_: &mut Interp, a: &mut Args) -> RtResult<Value> {
    let k = a.text(1, "OB Get")?;
    Ok(match obj(a, 0, "OB Get")? {
        Some(o) => o.borrow().get(k.as_str()).cloned().unwrap_or_default(),
        None => Value::Undefined,
    })
}

fn ob_set(_: &mut Interp, a: &mut Args) -> RtResult<Value> {
    let Some(o) = obj(a, 0, "OB SET")? else {
        return err(codes::NULL_ACCESS, "OB SET: the object is null");
    };
    let mut i = 1;
    while i + 1 < a.len() {
        let k = a.text(i, "OB SET")?;
        let v = a.take(i + 1);
        o.borrow_mut()
            .insert(Rc::from(k.as_str()), crate::runtime::value::stored(v));
        i += 2;
    }
    Ok(Value::Undefined)
}

fn ob_remove(_: &mut Interp, a: &mut Args) -> RtResult<Value> {
    if let Some(o) = obj(a, 0, "OB REMOVE")? {
        let k = a.text(1, "OB REMOVE")?;
        o.borrow_mut().shift_remove(k.as_str());
    }
    Ok(Value::Undefined)
}
