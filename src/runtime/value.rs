//! Runtime values: the scalar types of 4D, shared objects and collections,
//! pointers and arrays (which live in variables), plus the declared variable types
//! ([`VarType`]) with their default values and assignment conversions.

use std::cell::RefCell;
use std::rc::Rc;

/// An object: shared reference, properties in creation order (names are case-sensitive).
pub type Obj = Rc<RefCell<ObjMap>>;
/// The properties of an object (see [`PropMap`]).
pub type ObjMap = PropMap;

pub use super::propmap::PropMap;

pub use crate::fxhash::{FxBuild, FxHasher, SeededFxBuild};
/// A collection: shared reference, 0-based.
pub type Coll = Rc<RefCell<Vec<Value>>>;
/// An array variable's content (shared so that pointers to elements stay valid).
pub type ArrRef = Rc<RefCell<Array>>;

/// A calendar date; the null date is all zeros.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Default)]
pub struct Date {
    pub year: u16,
    pub month: u8,
    pub day: u8,
}

#[derive(Debug, Clone, Default)]
pub enum Value {
    #[default]
    Undefined,
    Null,
    Bool(bool),
    /// A 32-bit "Longint".
    Int(i32),
    Real(f64),
    /// Text, shared; appended to in place when uniquely owned (`Rc::make_mut`).
    Text(Rc<String>),
    Date(Date),
    /// Seconds since midnight (may exceed 24 hours or be negative).
    Time(i64),
    Object(Obj),
    Collection(Coll),
    /// A pointer; `Ptr::Nil` is the nil pointer.
    Pointer(Rc<Ptr>),
    Blob(Rc<Vec<u8>>),
    Picture(Rc<Vec<u8>>),
    /// An array held by a variable (never produced by an expression: reading an array
    /// variable gives its selected element number).
    Array(ArrRef),
}

/// What a pointer designates.
#[derive(Debug, Clone, PartialEq)]
pub enum Ptr {
    Nil,
    /// A local variable: absolute index in the interpreter's local stack.
    Local {
        abs: u32,
        name: Rc<str>,
    },
    /// A process variable by id.
    Process(u32),
    /// An interprocess variable by id.
    Inter(u32),
    /// An element of an array (`->$a{3}`).
    Element(ElemRef),
    /// A table, by number (`->[Table]`).
    Table(u32),
    /// A field of the current record: table and field numbers (`->[Table]Field`).
    Field(u32, u32),
}

/// A reference to an element of an array.
#[derive(Debug, Clone)]
pub struct ElemRef {
    pub array: ArrRef,
    pub index: i32,
}

impl PartialEq for ElemRef {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.array, &other.array) && self.index == other.index
    }
}

/// The declared type of a variable (or of an array's elements).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum VarType {
    /// Not declared (created by assignment): holds anything.
    #[default]
    Undeclared,
    /// Declared `Variant`: holds anything.
    Variant,
    Text,
    Integer,
    Real,
    Boolean,
    Date,
    Time,
    Object,
    Collection,
    Pointer,
    Picture,
    Blob,
}

/// An array: element 0 always exists; `elems.len() - 1` is the size.
/// A 2-D array is an array of `Value::Array` rows.
#[derive(Debug, Clone)]
pub struct Array {
    pub elem: VarType,
    /// `ARRAY INTEGER` elements are 16-bit (reported by `Type`).
    pub int16: bool,
    pub two_d: bool,
    pub elems: Vec<Value>,
    pub selected: i32,
}

impl Array {
    pub fn new(elem: VarType, size: usize) -> Array {
        Array {
            elem,
            int16: false,
            two_d: false,
            elems: vec![elem.default_value(); size + 1],
            selected: 0,
        }
    }
    pub fn size(&self) -> usize {
        self.elems.len().saturating_sub(1)
    }
    /// Resizes keeping existing elements (element 0 always kept).
    pub fn resize(&mut self, size: usize) {
        let d = self.elem.default_value();
        self.elems.resize(size + 1, d);
    }
}

impl VarType {
    #[inline]
    pub fn default_value(self) -> Value {
        match self {
            VarType::Variant | VarType::Undeclared => Value::Undefined,
            VarType::Text => Value::Text(empty_text()),
            VarType::Integer => Value::Int(0),
            VarType::Real => Value::Real(0.0),
            VarType::Boolean => Value::Bool(false),
            VarType::Date => Value::Date(Date::default()),
            VarType::Time => Value::Time(0),
            VarType::Object | VarType::Collection => Value::Null,
            VarType::Pointer => Value::Pointer(Rc::new(Ptr::Nil)),
            VarType::Picture => Value::Picture(Rc::new(Vec::new())),
            VarType::Blob => Value::Blob(Rc::new(Vec::new())),
        }
    }

    /// The `Type` code of a variable of this type.
    pub fn type_code(self) -> i32 {
        match self {
            VarType::Variant | VarType::Undeclared => 12,
            VarType::Text => 2,
            VarType::Integer => 9,
            VarType::Real => 1,
            VarType::Boolean => 6,
            VarType::Date => 4,
            VarType::Time => 11,
            VarType::Object => 38,
            VarType::Collection => 42,
            VarType::Pointer => 23,
            VarType::Picture => 3,
            VarType::Blob => 30,
        }
    }

    /// The `Type` code of an array of this element type.
    pub fn array_type_code(self, int16: bool) -> i32 {
        match self {
            VarType::Real => 14,
            VarType::Integer if int16 => 15,
            VarType::Integer => 16,
            VarType::Date => 17,
            VarType::Text => 18,
            VarType::Picture => 19,
            VarType::Pointer => 20,
            VarType::Boolean => 22,
            VarType::Blob => 31,
            VarType::Time => 32,
            VarType::Object => 39,
            _ => 18,
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            VarType::Variant | VarType::Undeclared => "Variant",
            VarType::Text => "Text",
            VarType::Integer => "Integer",
            VarType::Real => "Real",
            VarType::Boolean => "Boolean",
            VarType::Date => "Date",
            VarType::Time => "Time",
            VarType::Object => "Object",
            VarType::Collection => "Collection",
            VarType::Pointer => "Pointer",
            VarType::Picture => "Picture",
            VarType::Blob => "Blob",
        }
    }

    /// Converts a value for storage in a variable of this type. `Err` means the
    /// types are incompatible. Undefined becomes the type's default (`CLEAR VARIABLE`).
    /// Reals stored into Integer are rounded half away from zero and wrapped to 32 bits.
    #[inline]
    pub fn coerce(self, v: Value) -> Result<Value, Value> {
        match (self, &v) {
            (VarType::Variant | VarType::Undeclared, _)
            | (VarType::Integer, Value::Int(_))
            | (VarType::Real, Value::Real(_))
            | (VarType::Text, Value::Text(_))
            | (VarType::Boolean, Value::Bool(_)) => Ok(v),
            (VarType::Integer, Value::Real(r)) => Ok(Value::Int(real_to_int(*r))),
            _ => self.coerce_slow(v),
        }
    }

    #[inline(never)]
    fn coerce_slow(self, v: Value) -> Result<Value, Value> {
        use Value as V;
        Ok(match (self, v) {
            (VarType::Variant | VarType::Undeclared, v) => v,
            (t, V::Undefined) => t.default_value(),
            (VarType::Text, v @ V::Text(_)) => v,
            (VarType::Integer, v @ V::Int(_)) => v,
            (VarType::Integer, V::Real(r)) => V::Int(real_to_int(r)),
            (VarType::Integer, V::Time(t)) => V::Int(t as i32),
            (VarType::Real, v @ V::Real(_)) => v,
            (VarType::Real, V::Int(i)) => V::Real(i as f64),
            (VarType::Real, V::Time(t)) => V::Real(t as f64),
            (VarType::Boolean, v @ V::Bool(_)) => v,
            (VarType::Date, v @ V::Date(_)) => v,
            (VarType::Time, v @ V::Time(_)) => v,
            (VarType::Time, V::Int(i)) => V::Time(i as i64),
            (VarType::Time, V::Real(r)) => V::Time(r.round() as i64),
            (VarType::Object, v @ (V::Object(_) | V::Null)) => v,
            (VarType::Collection, v @ (V::Collection(_) | V::Null)) => v,
            (VarType::Pointer, v @ V::Pointer(_)) => v,
            (VarType::Pointer, V::Null) => V::Pointer(Rc::new(Ptr::Nil)),
            (VarType::Picture, v @ V::Picture(_)) => v,
            (VarType::Picture, V::Null) => VarType::Picture.default_value(),
            (VarType::Blob, v @ V::Blob(_)) => v,
            (_, v) => return Err(v),
        })
    }
}

/// Rounds half away from zero and wraps to 32 bits (NaN gives 0).
pub fn real_to_int(r: f64) -> i32 {
    if r.is_nan() {
        return 0;
    }
    let r = r.round();
    if r >= i32::MIN as f64 && r <= i32::MAX as f64 {
        r as i32
    } else {
        (r as i64) as i32
    }
}

thread_local! {
    static EMPTY: Rc<String> = Rc::new(String::new());
    static ASCII: Vec<Rc<String>> = (0..128u8).map(|b| Rc::new((b as char).to_string())).collect();
}

/// A one-character ASCII text, shared (`Char` builds words a character at a time:
/// no allocation each time; appending to a shared text copies it first).
pub fn ascii_text(b: u8) -> Option<Value> {
    ASCII.with(|t| t.get(b as usize).map(|s| Value::Text(s.clone())))
}

/// The shared empty text (no allocation).
pub fn empty_text() -> Rc<String> {
    EMPTY.with(|e| e.clone())
}

pub fn text(s: impl Into<String>) -> Value {
    Value::Text(Rc::new(s.into()))
}

pub fn new_object() -> Obj {
    Rc::new(RefCell::new(ObjMap::default()))
}

pub fn new_collection(v: Vec<Value>) -> Coll {
    Rc::new(RefCell::new(v))
}

impl Value {
    /// The `Value type` code.
    pub fn type_code(&self) -> i32 {
        match self {
            Value::Undefined => 5,
            Value::Null => 255,
            Value::Bool(_) => 6,
            Value::Int(_) => 9,
            Value::Real(_) => 1,
            Value::Text(_) => 2,
            Value::Date(_) => 4,
            Value::Time(_) => 11,
            Value::Object(_) => 38,
            Value::Collection(_) => 42,
            Value::Pointer(_) => 23,
            Value::Blob(_) => 30,
            Value::Picture(_) => 3,
            Value::Array(a) => {
                let a = a.borrow();
                if a.two_d {
                    13
                } else {
                    a.elem.array_type_code(a.int16)
                }
            }
        }
    }

    /// A short name of the value's type, for error messages.
    pub fn type_name(&self) -> &'static str {
        match self {
            Value::Undefined => "Undefined",
            Value::Null => "Null",
            Value::Bool(_) => "Boolean",
            Value::Int(_) => "Integer",
            Value::Real(_) => "Real",
            Value::Text(_) => "Text",
            Value::Date(_) => "Date",
            Value::Time(_) => "Time",
            Value::Object(_) => "Object",
            Value::Collection(_) => "Collection",
            Value::Pointer(_) => "Pointer",
            Value::Blob(_) => "Blob",
            Value::Picture(_) => "Picture",
            Value::Array(_) => "Array",
        }
    }

    pub fn as_num(&self) -> Option<f64> {
        match self {
            Value::Int(i) => Some(*i as f64),
            Value::Real(r) => Some(*r),
            Value::Time(t) => Some(*t as f64),
            _ => None,
        }
    }

    pub fn is_number(&self) -> bool {
        matches!(self, Value::Int(_) | Value::Real(_))
    }

    /// 4D truthiness for `&&`, `||` and the ternary: falsy are False, null,
    /// undefined, nil pointer, null date, "", empty collection/object, empty picture.
    /// `0` is truthy.
    pub fn truthy(&self) -> bool {
        match self {
            Value::Undefined | Value::Null => false,
            Value::Bool(b) => *b,
            Value::Text(t) => !t.is_empty(),
            Value::Date(d) => *d != Date::default(),
            Value::Collection(c) => !c.borrow().is_empty(),
            Value::Object(o) => !o.borrow().is_empty(),
            Value::Pointer(p) => **p != Ptr::Nil,
            Value::Picture(p) => !p.is_empty(),
            _ => true,
        }
    }

    /// Reference identity for objects/collections, value identity otherwise (used by
    /// `indexOf` and friends on scalars only).
    pub fn same_ref(&self, other: &Value) -> bool {
        match (self, other) {
            (Value::Object(a), Value::Object(b)) => Rc::ptr_eq(a, b),
            (Value::Collection(a), Value::Collection(b)) => Rc::ptr_eq(a, b),
            _ => false,
        }
    }
}

/// What a value becomes when stored in an object or a collection: numbers
/// (Integer, Time) are Real (LANGUAGE.md §3, `Value type`).
#[inline]
pub fn stored(v: Value) -> Value {
    match v {
        Value::Int(i) => Value::Real(i as f64),
        Value::Time(t) => Value::Real(t as f64),
        Value::Undefined => Value::Null,
        v => v,
    }
}

impl From<bool> for Value {
    fn from(b: bool) -> Value {
        Value::Bool(b)
    }
}
impl From<f64> for Value {
    fn from(r: f64) -> Value {
        Value::Real(r)
    }
}
impl From<i32> for Value {
    fn from(i: i32) -> Value {
        Value::Int(i)
    }
}
impl From<&str> for Value {
    fn from(s: &str) -> Value {
        text(s)
    }
}
impl From<String> for Value {
    fn from(s: String) -> Value {
        Value::Text(Rc::new(s))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn value_is_small() {
        assert!(std::mem::size_of::<Value>() <= 16);
    }

    #[test]
    fn truthiness() {
        assert!(Value::Real(0.0).truthy());
        assert!(!text("").truthy());
        assert!(!Value::Date(Date::default()).truthy());
        assert!(!Value::Collection(new_collection(vec![])).truthy());
        assert!(!Value::Object(new_object()).truthy());
        assert!(!Value::Null.truthy());
    }

    #[test]
    fn coercions() {
        assert!(matches!(
            VarType::Integer.coerce(Value::Real(2.5)),
            Ok(Value::Int(3))
        ));
        assert!(matches!(
            VarType::Integer.coerce(Value::Real(-2.5)),
            Ok(Value::Int(-3))
        ));
        assert!(VarType::Text.coerce(Value::Real(1.0)).is_err());
        assert!(matches!(
            VarType::Text.coerce(Value::Undefined),
            Ok(Value::Text(_))
        ));
    }
}
