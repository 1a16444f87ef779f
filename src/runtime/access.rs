//! Reading and writing inside values: variables holding arrays, typed stores,
//! array elements, object properties, collection indexes and `[[ ]]` characters.
//! Shared by the interpreter and the commands.

use super::error::{codes, err, RtResult};
use super::value::{stored, text, ArrRef, Ptr, Value, VarType};
use std::rc::Rc;

/// Reading a variable: an array gives its selected element number.
#[inline]
pub fn read_var(v: &Value) -> Value {
    match v {
        Value::Array(a) => Value::Int(a.borrow().selected),
        v => v.clone(),
    }
}

/// Does `v` already hold a value of declared type `ty`?
#[inline]
pub fn holds(ty: VarType, v: &Value) -> bool {
    matches!(
        (ty, v),
        (VarType::Variant | VarType::Undeclared, _)
            | (VarType::Text, Value::Text(_))
            | (VarType::Integer, Value::Int(_))
            | (VarType::Real, Value::Real(_))
            | (VarType::Boolean, Value::Bool(_))
            | (VarType::Date, Value::Date(_))
            | (VarType::Time, Value::Time(_))
            | (VarType::Object, Value::Object(_))
            | (VarType::Collection, Value::Collection(_))
            | (VarType::Pointer, Value::Pointer(_))
            | (VarType::Picture, Value::Picture(_))
            | (VarType::Blob, Value::Blob(_))
    )
}

/// Stores into a variable slot: an array variable takes a number as its selected
/// element; a typed variable converts (or refuses) the value.
#[inline]
pub fn store_var(slot: &mut Value, ty: VarType, v: Value) -> RtResult<()> {
    // Fast path: the value already has the variable's type (no conversion).
    if !matches!(slot, Value::Array(_)) {
        if holds(ty, &v) {
            *slot = v;
            return Ok(());
        }
        if let (VarType::Integer, Value::Real(r)) = (ty, &v) {
            *slot = Value::Int(super::value::real_to_int(*r));
            return Ok(());
        }
    }
    store_var_slow(slot, ty, v)
}

#[inline(never)]
fn store_var_slow(slot: &mut Value, ty: VarType, v: Value) -> RtResult<()> {
    if let Value::Array(a) = slot {
        return match v {
            Value::Int(i) => {
                a.borrow_mut().selected = i;
                Ok(())
            }
            Value::Real(r) => {
                a.borrow_mut().selected = r as i32;
                Ok(())
            }
            v => err(
                codes::BAD_ASSIGN,
                format!("Cannot assign a {} to an array", v.type_name()),
            ),
        };
    }
    if matches!(ty, VarType::Variant | VarType::Undeclared) {
        *slot = v;
        return Ok(());
    }
    match ty.coerce(v) {
        Ok(v) => {
            *slot = v;
            Ok(())
        }
        Err(v) => err(
            codes::BAD_ASSIGN,
            format!(
                "Cannot assign a {} to a variable of type {}",
                v.type_name(),
                ty.name()
            ),
        ),
    }
}

pub fn as_ptr(v: &Value) -> RtResult<Rc<Ptr>> {
    match v {
        Value::Pointer(p) => Ok(p.clone()),
        Value::Null | Value::Undefined => err(codes::NIL_POINTER, "Nil pointer"),
        v => err(
            codes::TYPE_MISMATCH,
            format!("Pointer expected, got {}", v.type_name()),
        ),
    }
}

pub fn as_array(v: &Value) -> RtResult<ArrRef> {
    match v {
        Value::Array(a) => Ok(a.clone()),
        v => err(
            codes::NOT_ARRAY,
            format!("Array expected, got {}", v.type_name()),
        ),
    }
}

/// Stores into an array element, converting to the element type.
pub fn set_element(arr: &ArrRef, i: f64, v: Value) -> RtResult<()> {
    let mut a = arr.borrow_mut();
    let idx = i.trunc() as i64;
    if idx < 0 || idx as usize >= a.elems.len() {
        return err(
            codes::OUT_OF_RANGE,
            format!("Array index out of range: {}", idx),
        );
    }
    if a.two_d {
        return err(
            codes::BAD_ASSIGN,
            "Cannot assign a value to a row of a two-dimensional array",
        );
    }
    let ty = a.elem;
    match ty.coerce(v) {
        Ok(v) => {
            a.elems[idx as usize] = v;
            Ok(())
        }
        Err(v) => err(
            codes::BAD_ASSIGN,
            format!(
                "Cannot assign a {} to an element of a {} array",
                v.type_name(),
                ty.name()
            ),
        ),
    }
}

pub fn get_prop(ov: &Value, name: &str) -> RtResult<Value> {
    match ov {
        Value::Object(o) => Ok(o.borrow().get(name).cloned().unwrap_or_default()),
        Value::Undefined => Ok(Value::Undefined),
        Value::Null => err(
            codes::NULL_ACCESS,
            format!("Cannot read property \"{}\" of null", name),
        ),
        v => err(
            codes::NULL_ACCESS,
            format!("Cannot read property \"{}\" of a {}", name, v.type_name()),
        ),
    }
}

pub fn set_prop(ov: &Value, name: &Rc<str>, v: Value) -> RtResult<()> {
    match ov {
        Value::Object(o) => {
            let mut o = o.borrow_mut();
            if let Value::Undefined = v {
                // existing property: reset to its type's empty value; missing: no-op
                if let Some(cur) = o.get_mut(&**name) {
                    *cur = empty_like(cur);
                }
                return Ok(());
            }
            o.set(name, stored(v));
            Ok(())
        }
        v => err(
            codes::NULL_ACCESS,
            format!("Cannot set property \"{}\" of a {}", name, v.type_name()),
        ),
    }
}

pub fn empty_like(v: &Value) -> Value {
    match v {
        Value::Text(_) => text(""),
        Value::Int(_) => Value::Int(0),
        Value::Real(_) => Value::Real(0.0),
        Value::Bool(_) => Value::Bool(false),
        Value::Date(_) => Value::Date(Default::default()),
        Value::Time(_) => Value::Time(0),
        _ => Value::Null,
    }
}

pub fn get_index(ov: &Value, iv: &Value) -> RtResult<Value> {
    match (ov, iv) {
        (Value::Collection(c), i) if i.is_number() => {
            let i = i.as_num().unwrap_or(0.0).trunc() as i64;
            let c = c.borrow();
            if i < 0 || i as usize >= c.len() {
                return err(
                    codes::OUT_OF_RANGE,
                    format!("Collection index out of range: {}", i),
                );
            }
            Ok(c[i as usize].clone())
        }
        (Value::Object(_), Value::Text(k)) => get_prop(ov, k),
        (Value::Undefined, _) => Ok(Value::Undefined),
        (o, i) => err(
            codes::TYPE_MISMATCH,
            format!("Cannot index a {} with a {}", o.type_name(), i.type_name()),
        ),
    }
}

pub fn set_index(ov: &Value, iv: &Value, v: Value) -> RtResult<()> {
    match (ov, iv) {
        (Value::Collection(c), i) if i.is_number() => {
            let i = i.as_num().unwrap_or(0.0).trunc() as i64;
            if i < 0 {
                return err(
                    codes::OUT_OF_RANGE,
                    format!("Collection index out of range: {}", i),
                );
            }
            if i as usize >= codes::MAX_SIZE {
                return err(
                    codes::NO_MEMORY,
                    format!("Not enough memory for a collection of {} elements", i),
                );
            }
            let mut c = c.borrow_mut();
            let i = i as usize;
            if i >= c.len() {
                c.resize(i + 1, Value::Null);
            }
            c[i] = stored(v);
            Ok(())
        }
        (Value::Object(_), Value::Text(k)) => set_prop(ov, &Rc::from(k.as_str()), v),
        (o, i) => err(
            codes::TYPE_MISMATCH,
            format!("Cannot index a {} with a {}", o.type_name(), i.type_name()),
        ),
    }
}

/// `t[[i]]` (1-based, UTF-16 units).
/// `t[[i]]` read: the character (as a text) of a text value.
pub fn char_of(t: Value, i: f64) -> RtResult<Value> {
    match t {
        Value::Text(s) => char_at(&s, i).map(super::value::text),
        v => err(
            codes::TYPE_MISMATCH,
            format!("[[ ]] applies to text, got {}", v.type_name()),
        ),
    }
}

pub fn char_at(s: &str, i: f64) -> RtResult<String> {
    let i = i.trunc() as i64;
    let units: Vec<u16> = s.encode_utf16().collect();
    if i < 1 || i as usize > units.len() {
        return err(
            codes::OUT_OF_RANGE,
            format!("Character index out of range: {}", i),
        );
    }
    Ok(String::from_utf16_lossy(&units[i as usize - 1..i as usize]))
}

pub fn set_char_at(s: &str, i: f64, c: &str) -> RtResult<String> {
    let i = i.trunc() as i64;
    let mut units: Vec<u16> = s.encode_utf16().collect();
    if i < 1 || i as usize > units.len() {
        return err(
            codes::OUT_OF_RANGE,
            format!("Character index out of range: {}", i),
        );
    }
    let cu: Vec<u16> = c.encode_utf16().take(1).collect();
    units.splice(i as usize - 1..i as usize, cu);
    Ok(String::from_utf16_lossy(&units))
}
