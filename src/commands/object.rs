//! Object commands: `New object` and a few `OB` commands.

use super::{Args, CommandDef};
use crate::cmd;
use crate::runtime::error::{codes, err, RtResult};
use crate::runtime::graph::PathGuard;
use crate::runtime::interp::Interp;
use crate::runtime::value::{new_collection, new_object, stored, text, Obj, PropMap, Value};
use std::cell::RefCell;
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
    cmd!("OB Entries", ob_entries),
    cmd!("OB Get type", ob_get_type),
    cmd!("OB SET NULL", ob_set_null),
    cmd!("OB GET ARRAY", ob_get_array, refs = 1 << 2),
    cmd!("OB SET ARRAY", ob_set_array, refs = 1 << 2),
    cmd!("OB GET PROPERTY NAMES", ob_get_property_names, refs = 0b110),
];

fn new_object_cmd(it: &mut Interp, a: &mut Args) -> RtResult<Value> {
    let n = a.len() / 2;
    let mut m = PropMap::with_capacity(n);
    for i in (0..n).map(|p| 2 * p) {
        let k = match a.get(i) {
            Value::Text(t) => it.intern_text(t),
            _ => it.intern_text(&a.text(i, "New object")?),
        };
        m.insert_inlined(k, stored(a.take(i + 1)));
    }
    Ok(Value::Object(Rc::new(RefCell::new(m))))
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

/// A deep copy of objects and collections (scalars are returned as they are); an
/// object or collection that contains itself is error 48 (runtime::graph).
pub fn deep_copy(v: &Value) -> RtResult<Value> {
    copy_walk(v, &mut PathGuard::new("copy"))
}

fn copy_walk(v: &Value, guard: &mut PathGuard) -> RtResult<Value> {
    Ok(match v {
        Value::Object(o) => {
            guard.enter(v)?;
            let n = new_object();
            {
                let mut nb = n.borrow_mut();
                for (k, x) in o.borrow().iter() {
                    nb.insert(k.clone(), copy_walk(x, guard)?);
                }
            }
            guard.leave(v);
            Value::Object(n)
        }
        Value::Collection(c) => {
            guard.enter(v)?;
            let items = c
                .borrow()
                .iter()
                .map(|x| copy_walk(x, guard))
                .collect::<RtResult<Vec<_>>>()?;
            guard.leave(v);
            Value::Collection(new_collection(items))
        }
        v => v.clone(),
    })
}

/// ob-copy.md: `OB Copy(object{; ck shared{; groupWith}})`; with `ck shared` (16) the
/// copy is shared, in the locking group of `groupWith` when given.
fn ob_copy(it: &mut Interp, a: &mut Args) -> RtResult<Value> {
    let opt = a.opt_num(1, "OB Copy")?.unwrap_or(0.0) as i64;
    shared_copy_opt(it, deep_copy(a.get(0))?, opt, a.get(2))
}

/// A deep copy made shared when `opt` has `ck shared` (16): in the group of
/// `group_with` if it is shared, else in a new group.
pub fn shared_copy_opt(
    it: &mut Interp,
    copy: Value,
    opt: i64,
    group_with: &Value,
) -> RtResult<Value> {
    use crate::runtime::scheduler as sched;
    if opt & 16 == 0 {
        return Ok(copy);
    }
    let g = match sched::group_of(it, group_with) {
        Some(g) => g,
        None => {
            let tmp = sched::new_shared_object(it);
            sched::group_of(it, &Value::Object(tmp)).unwrap_or_default()
        }
    };
    sched::to_shared(it, copy, g)
}

// docs/commands-legacy/ob-get.md: with a type, the value is converted to it.
fn ob_get(_: &mut Interp, a: &mut Args) -> RtResult<Value> {
    let k = a.text(1, "OB Get")?;
    let v = match obj(a, 0, "OB Get")? {
        Some(o) => o.borrow().get(k.as_str()).cloned().unwrap_or_default(),
        None => Value::Undefined,
    };
    match a.opt_num(2, "OB Get")? {
        Some(t) => Ok(convert_to_type(v, t as i32)),
        None => Ok(v),
    }
}

/// Converts a value to a `Type` code (`OB Get`, `JSON Parse` with a type).
pub fn convert_to_type(v: Value, t: i32) -> Value {
    use crate::runtime::format;
    match t {
        2 | 24 | 0 => match v {
            Value::Undefined => text(""),
            Value::Text(_) => v,
            v => text(format::to_text(&v)),
        },
        1 | 8 | 9 | 25 => {
            let n = match &v {
                Value::Text(t) => super::text::parse_num(t, '.'),
                Value::Bool(b) => *b as i32 as f64,
                v => v.as_num().unwrap_or(0.0),
            };
            if t == 1 {
                Value::Real(n)
            } else {
                Value::Int(crate::runtime::value::real_to_int(n))
            }
        }
        6 => Value::Bool(match &v {
            Value::Bool(b) => *b,
            Value::Text(t) => t.eq_ignore_ascii_case("true"),
            v => v.as_num().map(|n| n != 0.0).unwrap_or(false),
        }),
        4 => Value::Date(match &v {
            Value::Date(d) => *d,
            Value::Text(t) => super::datetime::parse_date_text(t),
            _ => Default::default(),
        }),
        11 => Value::Time(match &v {
            Value::Text(_) => {
                let mut args = super::Args {
                    vals: vec![v.clone()],
                    ..Default::default()
                };
                return super::datetime::time_of(&mut args);
            }
            v => v.as_num().map(|n| n as i64).unwrap_or(0),
        }),
        38 => match v {
            Value::Object(_) => v,
            _ => Value::Null,
        },
        42 => match v {
            Value::Collection(_) => v,
            _ => Value::Null,
        },
        _ => v,
    }
}

// docs/commands-legacy/ob-entries.md: a collection of {key; value} objects.
fn ob_entries(_: &mut Interp, a: &mut Args) -> RtResult<Value> {
    Ok(match obj(a, 0, "OB Entries")? {
        Some(o) => {
            let items = o
                .borrow()
                .iter()
                .map(|(k, v)| {
                    let e = new_object();
                    e.borrow_mut().insert(Rc::from("key"), text(k.to_string()));
                    e.borrow_mut().insert(Rc::from("value"), v.clone());
                    Value::Object(e)
                })
                .collect();
            Value::Collection(new_collection(items))
        }
        None => Value::Null,
    })
}

// docs/commands-legacy/ob-get-type.md: `Is undefined` (5) for a missing property.
fn ob_get_type(_: &mut Interp, a: &mut Args) -> RtResult<Value> {
    let k = a.text(1, "OB Get type")?;
    Ok(Value::Int(match obj(a, 0, "OB Get type")? {
        Some(o) => o
            .borrow()
            .get(k.as_str())
            .map(|v| v.type_code())
            .unwrap_or(5),
        None => 5,
    }))
}

fn ob_set_null(_: &mut Interp, a: &mut Args) -> RtResult<Value> {
    let Some(o) = obj(a, 0, "OB SET NULL")? else {
        return err(codes::NULL_ACCESS, "OB SET NULL: the object is null");
    };
    let k = a.text(1, "OB SET NULL")?;
    o.borrow_mut().insert(Rc::from(k.as_str()), Value::Null);
    Ok(Value::Undefined)
}

fn arg_array(
    it: &mut Interp,
    a: &Args,
    i: usize,
    cmd: &str,
) -> RtResult<crate::runtime::value::ArrRef> {
    let p = a.ptr(i, cmd)?;
    let v = it.deref_raw(&p)?;
    crate::runtime::interp::as_array(&v)
}

// docs/commands-legacy/ob-get-array.md: the property (a collection) is copied
// into the array, converted to its element type.
fn ob_get_array(it: &mut Interp, a: &mut Args) -> RtResult<Value> {
    let k = a.text(1, "OB GET ARRAY")?;
    let v = match obj(a, 0, "OB GET ARRAY")? {
        Some(o) => o.borrow().get(k.as_str()).cloned().unwrap_or_default(),
        None => Value::Undefined,
    };
    let arr = arg_array(it, a, 2, "OB GET ARRAY")?;
    let mut ar = arr.borrow_mut();
    let ty = ar.elem;
    ar.elems.truncate(1);
    if let Value::Collection(c) = v {
        for e in c.borrow().iter() {
            let e = match (ty, e) {
                (crate::runtime::value::VarType::Date, Value::Text(t)) => {
                    Value::Date(super::datetime::parse_date_text(t))
                }
                (_, Value::Null) => Value::Undefined,
                (_, e) => e.clone(),
            };
            ar.elems
                .push(ty.coerce(e).unwrap_or_else(|_| ty.default_value()));
        }
    }
    Ok(Value::Undefined)
}

// docs/commands-legacy/ob-set-array.md: the property becomes a collection of
// the array's elements.
fn ob_set_array(it: &mut Interp, a: &mut Args) -> RtResult<Value> {
    let Some(o) = obj(a, 0, "OB SET ARRAY")? else {
        return err(codes::NULL_ACCESS, "OB SET ARRAY: the object is null");
    };
    let k = a.text(1, "OB SET ARRAY")?;
    let items: Vec<Value> = match a.get(2) {
        Value::Pointer(_) => {
            let arr = arg_array(it, a, 2, "OB SET ARRAY")?;
            let ar = arr.borrow();
            ar.elems[1..]
                .iter()
                .cloned()
                .map(crate::runtime::value::stored)
                .collect()
        }
        v => vec![crate::runtime::value::stored(v.clone())],
    };
    o.borrow_mut().insert(
        Rc::from(k.as_str()),
        Value::Collection(new_collection(items)),
    );
    Ok(Value::Undefined)
}

// docs/commands-legacy/ob-get-property-names.md
fn ob_get_property_names(it: &mut Interp, a: &mut Args) -> RtResult<Value> {
    let props: Vec<(String, i32)> = match obj(a, 0, "OB GET PROPERTY NAMES")? {
        Some(o) => o
            .borrow()
            .iter()
            .map(|(k, v)| (k.to_string(), v.type_code()))
            .collect(),
        None => Vec::new(),
    };
    let names = arg_array(it, a, 1, "OB GET PROPERTY NAMES")?;
    {
        let mut n = names.borrow_mut();
        n.elems.truncate(1);
        n.elems.extend(props.iter().map(|(k, _)| text(k.clone())));
    }
    if a.len() > 2 {
        let types = arg_array(it, a, 2, "OB GET PROPERTY NAMES")?;
        let mut t = types.borrow_mut();
        t.elems.truncate(1);
        t.elems.extend(props.iter().map(|(_, c)| Value::Int(*c)));
    }
    Ok(Value::Undefined)
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
