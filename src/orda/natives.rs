//! What the interpreter calls on the ORDA objects: their `runtime::native::Native`
//! implementations, each handing over to its functions module.

use super::objects::{ClassObj, DsObj, EntityObj, SelObj};
use crate::compile::ir::ClassId;
use crate::runtime::error::RtResult;
use crate::runtime::interp::Interp;
use crate::runtime::native::Native;
use crate::runtime::value::{Obj, Value};
use std::any::Any;

impl Native for DsObj {
    fn class_name(&self) -> &'static str {
        "DataStore"
    }
    fn user_class(&self) -> Option<ClassId> {
        self.class
    }
    fn call(
        &self,
        it: &mut Interp<'_>,
        _o: &Obj,
        name: &str,
        args: Vec<Value>,
    ) -> Option<RtResult<Value>> {
        super::dataclass::ds_call(it, name, args)
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
}

impl Native for ClassObj {
    fn class_name(&self) -> &'static str {
        "DataClass"
    }
    fn user_class(&self) -> Option<ClassId> {
        self.class
    }
    fn call(
        &self,
        it: &mut Interp<'_>,
        _o: &Obj,
        name: &str,
        args: Vec<Value>,
    ) -> Option<RtResult<Value>> {
        super::dataclass::call(it, self.ti, name, args)
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
}

impl Native for EntityObj {
    fn class_name(&self) -> &'static str {
        "Entity"
    }
    fn user_class(&self) -> Option<ClassId> {
        self.class
    }
    fn call(
        &self,
        it: &mut Interp<'_>,
        o: &Obj,
        name: &str,
        args: Vec<Value>,
    ) -> Option<RtResult<Value>> {
        super::entity::call(it, o, self, name, args)
    }
    fn get(&self, it: &mut Interp<'_>, o: &Obj, name: &str) -> RtResult<Value> {
        super::entity::related(it, o, self, name)
    }
    fn set(&self, it: &mut Interp<'_>, o: &Obj, name: &str, v: &Value) -> RtResult<bool> {
        if o.borrow().get(name).is_some() {
            return Ok(false);
        }
        super::entity::set_related(it, o, self, name, v)
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
}

impl Native for SelObj {
    fn class_name(&self) -> &'static str {
        "EntitySelection"
    }
    fn user_class(&self) -> Option<ClassId> {
        self.class
    }
    fn call(
        &self,
        it: &mut Interp<'_>,
        o: &Obj,
        name: &str,
        args: Vec<Value>,
    ) -> Option<RtResult<Value>> {
        super::selection::call(it, o, self, name, args)
    }
    fn get(&self, it: &mut Interp<'_>, _o: &Obj, name: &str) -> RtResult<Value> {
        super::selection::get(it, self, name)
    }
    fn index(&self, it: &mut Interp<'_>, _o: &Obj, i: &Value) -> Option<RtResult<Value>> {
        super::selection::index(it, self, i)
    }
    fn iter_len(&self) -> Option<usize> {
        Some(self.recs.borrow().len())
    }
    fn iter_item(&self, it: &mut Interp<'_>, i: usize) -> RtResult<Value> {
        super::selection::item(it, self, i)
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
}
