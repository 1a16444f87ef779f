//! Native objects: instances of built-in 4D classes implemented outside the
//! runtime (ORDA's `DataStore`, `DataClass`, `Entity`, `EntitySelection`, in
//! `crate::orda`). The runtime knows them only through the [`Native`] trait; the
//! object's side-table entry (`oop::Meta::Native`) holds the implementation.
//!
//! The interpreter asks a native object, in this order: a project class that
//! extends it (`user_class`: its functions, `Function get/set`) first, then the
//! native object itself for a member call ([`Native::call`]), a property the
//! object does not hold ([`Native::get`]), an assignment ([`Native::set`]),
//! `obj[i]` ([`Native::index`]) and `For each` ([`Native::iter_len`]).

use super::error::RtResult;
use super::interp::Interp;
use super::value::{Obj, Value};
use crate::compile::ir::ClassId;
use std::any::Any;

pub trait Native: std::fmt::Debug + Any {
    /// The built-in class name (`Entity`, `EntitySelection`...).
    fn class_name(&self) -> &'static str;
    /// The project class extending the built-in one (`cs.EmployeeEntity`).
    fn user_class(&self) -> Option<ClassId> {
        None
    }
    /// `obj.name(args)`; `None`: no such function.
    fn call(
        &self,
        it: &mut Interp<'_>,
        o: &Obj,
        name: &str,
        args: Vec<Value>,
    ) -> Option<RtResult<Value>>;
    /// Reading a property the object does not hold.
    fn get(&self, _it: &mut Interp<'_>, _o: &Obj, _name: &str) -> RtResult<Value> {
        Ok(Value::Undefined)
    }
    /// Assigning a property: true when handled (the object's map is not written).
    fn set(&self, _it: &mut Interp<'_>, _o: &Obj, _name: &str, _v: &Value) -> RtResult<bool> {
        Ok(false)
    }
    /// `obj[i]`; `None`: not indexable.
    fn index(&self, _it: &mut Interp<'_>, _o: &Obj, _i: &Value) -> Option<RtResult<Value>> {
        None
    }
    /// `For each` over the object: the number of items (`None`: its property names).
    fn iter_len(&self) -> Option<usize> {
        None
    }
    /// The item at position `i` of a `For each`.
    fn iter_item(&self, _it: &mut Interp<'_>, _i: usize) -> RtResult<Value> {
        Ok(Value::Undefined)
    }
    fn as_any(&self) -> &dyn Any;
}
