//! Language values as stored values and back: a field's [`Cell`] from a 4D
//! [`Value`] (numbers converted between numeric types, anything else of the
//! field's own type) and the value a stored cell reads as.

use super::store::Cell;
use super::structure::FieldType;
use crate::runtime::error::{codes, err, RtResult};
use crate::runtime::value::{text, Value, VarType};
use std::rc::Rc;

/// The language value of a stored field value.
pub fn cell_to_value(c: &Cell, ty: FieldType) -> Value {
    match c {
        Cell::Null => Value::Null,
        Cell::Bool(b) => Value::Bool(*b),
        Cell::Int(i) => match ty {
            FieldType::Int64 => Value::Real(*i as f64),
            _ => Value::Int(*i as i32),
        },
        Cell::Real(r) => Value::Real(*r),
        Cell::Text(s) => text(s.as_str()),
        Cell::Date(d) => Value::Date(*d),
        Cell::Time(t) => Value::Time(*t),
        Cell::Blob(b) => {
            if ty == FieldType::Picture {
                Value::Picture(Rc::new(b.clone()))
            } else {
                Value::Blob(Rc::new(b.clone()))
            }
        }
        Cell::Object(j) => match serde_json::from_str(j) {
            Ok(j) => crate::runtime::json::from_json(j),
            Err(_) => Value::Null,
        },
    }
}

/// The variable type of a field type (for arrays filled from fields).
pub fn var_type(ty: FieldType) -> VarType {
    match ty {
        FieldType::Bool => VarType::Boolean,
        FieldType::Int16 | FieldType::Int => VarType::Integer,
        FieldType::Int64 | FieldType::Real => VarType::Real,
        FieldType::Date => VarType::Date,
        FieldType::Time => VarType::Time,
        FieldType::Text => VarType::Text,
        FieldType::Picture => VarType::Picture,
        FieldType::Blob => VarType::Blob,
        FieldType::Object => VarType::Object,
    }
}

/// Converts a language value for a field of type `ty` (numbers between numeric
/// types; anything else must already have the field's type).
pub fn value_to_cell(v: Value, ty: FieldType) -> RtResult<Cell> {
    let bad = |v: &Value| {
        err(
            codes::BAD_ASSIGN,
            format!(
                "Cannot assign a {} to a field of type {:?}",
                v.type_name(),
                ty
            ),
        )
    };
    Ok(match (ty, v) {
        (_, Value::Undefined) => Cell::empty(ty),
        (FieldType::Bool, Value::Bool(b)) => Cell::Bool(b),
        (FieldType::Int16, v) if v.is_number() => {
            Cell::Int(v.as_num().unwrap_or(0.0).trunc() as i64 as i16 as i64)
        }
        (FieldType::Int, v) if v.is_number() => {
            Cell::Int(crate::runtime::value::real_to_int(v.as_num().unwrap_or(0.0)) as i64)
        }
        (FieldType::Int64, v) if v.is_number() => {
            Cell::Int(v.as_num().unwrap_or(0.0).trunc() as i64)
        }
        (FieldType::Real, v) if v.is_number() => Cell::Real(v.as_num().unwrap_or(0.0)),
        (FieldType::Time, Value::Time(t)) => Cell::Time(t),
        (FieldType::Time, v) if v.is_number() => Cell::Time(v.as_num().unwrap_or(0.0) as i64),
        (FieldType::Date, Value::Date(d)) => Cell::Date(d),
        (FieldType::Text, Value::Text(s)) => Cell::Text(s.to_string()),
        (FieldType::Blob | FieldType::Picture, Value::Blob(b) | Value::Picture(b)) => {
            Cell::Blob(b.to_vec())
        }
        (FieldType::Object, Value::Null) => Cell::Null,
        (FieldType::Object, v @ (Value::Object(_) | Value::Collection(_))) => {
            Cell::Object(crate::runtime::json::stringify(&v, false)?)
        }
        (_, v) => return bad(&v),
    })
}
