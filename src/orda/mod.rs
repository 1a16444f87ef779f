//! ORDA: the object interface to the datastore (docs/API/DataStoreClass.md,
//! DataClassClass.md, EntityClass.md, EntitySelectionClass.md, ORDA/*.md).
//!
//! ORDA works on the same records as the classic commands: entities are read
//! from and saved into the shared [`crate::datastore::Datastore`] through the
//! process's [`crate::datastore::ProcessDb`], so both see each other's writes,
//! share its transactions (`ds.startTransaction()` is `START TRANSACTION`) and
//! its record locks (`entity.lock()` conflicts with a record loaded read-write by
//! another process).
//!
//! - [`model`]: dataclasses and attributes derived from the catalog.
//! - [`objects`]: the native objects (`ds`, dataclass, entity, entity selection).
//! - [`natives`]: what the interpreter calls on them (`runtime::native::Native`).
//! - [`dataclass`], [`entity`], [`selection`]: their functions.
//! - [`qparse`], [`qexec`]: the query language and its evaluation.
//! - [`status`]: the status objects of `save()`, `drop()`, `lock()`.
//! - [`rest`]: the REST server (`/rest/...` requests of the web server).
//!
//! Commands registered here: `ds`, `Create entity selection`,
//! `USE ENTITY SELECTION`.
//!
//! Error codes (fourd's numbers): 1603 invalid query or unknown attribute, 1604
//! wrong argument to an ORDA function, 1605 entity selection not alterable.

pub mod dataclass;
pub mod entity;
pub mod model;
pub mod natives;
pub mod objects;
pub mod qexec;
pub mod qparse;
mod qpush;
pub mod rest;
pub mod selection;
pub mod status;

use crate::cmd;
use crate::commands::{Args, CommandDef};
use crate::runtime::error::{err, RtResult};
use crate::runtime::interp::Interp;
use crate::runtime::value::{Ptr, Value};

pub const BAD_ARG: i32 = 1604;
pub const NOT_ALTERABLE: i32 = 1605;

pub const COMMANDS: &[CommandDef] = &[
    cmd!("ds", ds_cmd),
    cmd!("Create entity selection", create_entity_selection),
    cmd!("USE ENTITY SELECTION", use_entity_selection),
];

thread_local! {
    static DS: std::cell::RefCell<Option<(usize, Value)>> = const { std::cell::RefCell::new(None) };
}

// docs/commands/ds.md: the same object on every call.
fn ds_cmd(it: &mut Interp, _a: &mut Args) -> RtResult<Value> {
    let m = model::model(it)?;
    let key = std::rc::Rc::as_ptr(&m) as usize;
    let cached = DS.with(|d| {
        d.borrow()
            .as_ref()
            .filter(|(k, _)| *k == key)
            .map(|(_, v)| v.clone())
    });
    if let Some(Value::Object(o)) = &cached {
        if objects::native_of(it, o).is_some() {
            return Ok(Value::Object(o.clone()));
        }
    }
    let v = objects::make_ds(it)?;
    DS.with(|d| *d.borrow_mut() = Some((key, v.clone())));
    Ok(v)
}

// docs/commands/create-entity-selection.md
fn create_entity_selection(it: &mut Interp, a: &mut Args) -> RtResult<Value> {
    let t = match a.get(0) {
        Value::Pointer(p) => match &**p {
            Ptr::Table(t) => *t,
            _ => return err(BAD_ARG, "Create entity selection: a table is expected"),
        },
        _ => return err(BAD_ARG, "Create entity selection: a table is expected"),
    };
    let ti = it.db.ti(t)?;
    let m = model::model(it)?;
    let recs = it.db.tables[ti].sel.clone();
    Ok(objects::make_selection(it, &m, ti, recs, true, false))
}

// docs/commands/use-entity-selection.md: the selection becomes the table's
// current selection; its first record is the current record.
fn use_entity_selection(it: &mut Interp, a: &mut Args) -> RtResult<Value> {
    let Some(n) = objects::as_selection(it, a.get(0)) else {
        return err(
            BAD_ARG,
            "USE ENTITY SELECTION: an entity selection is expected",
        );
    };
    let s = objects::sel_ref(&n);
    let recs = s.recs.borrow().clone();
    it.db.set_selection(s.ti, recs)?;
    Ok(Value::Undefined)
}

/// The object argument `i` if it is a plain object (not an ORDA one).
pub fn plain_object(it: &Interp, v: &Value) -> Option<crate::runtime::value::Obj> {
    match v {
        Value::Object(o) if objects::native_of(it, o).is_none() => Some(o.clone()),
        _ => None,
    }
}

/// A number argument (0 when missing).
pub fn num_arg(args: &[Value], i: usize) -> i64 {
    args.get(i).and_then(|v| v.as_num()).unwrap_or(0.0) as i64
}
