//! Locking and transactions: `READ ONLY`, `READ WRITE`, `Read only state`, `Locked`,
//! `LOCKED BY`, `START`/`VALIDATE`/`CANCEL TRANSACTION`, `In transaction`,
//! `Transaction level`.

use super::args::*;
use crate::commands::Args;
use crate::runtime::error::RtResult;
use crate::runtime::interp::Interp;
use crate::runtime::value::{text, Value};

pub(super) fn set_mode(it: &mut Interp, a: &Args, ro: bool, cmd: &str) -> RtResult<Value> {
    if a.star {
        for t in &mut it.db.tables {
            t.read_only = ro;
        }
        return Ok(Value::Undefined);
    }
    let (ti, _) = opt_table(it, a, cmd)?;
    it.db.set_read_only(ti, ro);
    Ok(Value::Undefined)
}

pub(super) fn read_only(it: &mut Interp, a: &mut Args) -> RtResult<Value> {
    set_mode(it, a, true, "READ ONLY")
}

pub(super) fn read_write(it: &mut Interp, a: &mut Args) -> RtResult<Value> {
    set_mode(it, a, false, "READ WRITE")
}

pub(super) fn read_only_state(it: &mut Interp, a: &mut Args) -> RtResult<Value> {
    let (ti, _) = opt_table(it, a, "Read only state")?;
    Ok(Value::Bool(it.db.tables[ti].read_only))
}

pub(super) fn locked(it: &mut Interp, a: &mut Args) -> RtResult<Value> {
    let (ti, _) = opt_table(it, a, "Locked")?;
    Ok(Value::Bool(it.db.locked(ti)))
}

pub(super) fn locked_by(it: &mut Interp, a: &mut Args) -> RtResult<Value> {
    let (ti, next) = opt_table(it, a, "LOCKED BY")?;
    let (pid, name) = it.db.locked_by(ti)?;
    set_var(it, a, next, Value::Int(pid as i32))?;
    set_var(it, a, next + 1, text(""))?;
    set_var(it, a, next + 2, text(""))?;
    set_var(it, a, next + 3, text(name))?;
    Ok(Value::Undefined)
}

// ------------------------------------------------------------------ transactions

pub(super) fn start_transaction(it: &mut Interp, _: &mut Args) -> RtResult<Value> {
    it.db.start_transaction();
    Ok(Value::Undefined)
}

pub(super) fn validate_transaction(it: &mut Interp, _: &mut Args) -> RtResult<Value> {
    let r = it.db.validate_transaction();
    set_ok(it, r.is_ok());
    r.map(|_| Value::Undefined)
}

pub(super) fn cancel_transaction(it: &mut Interp, _: &mut Args) -> RtResult<Value> {
    it.db.cancel_transaction();
    Ok(Value::Undefined)
}

pub(super) fn in_transaction(it: &mut Interp, _: &mut Args) -> RtResult<Value> {
    Ok(Value::Bool(it.db.in_transaction()))
}

pub(super) fn transaction_level(it: &mut Interp, _: &mut Args) -> RtResult<Value> {
    Ok(Value::Int(it.db.transaction_level() as i32))
}
