//! The database commands (classic 4D language): records, selections, queries,
//! sorting, sets, named selections, relations, locking and transactions. The state
//! lives in `crate::datastore`; these functions decode arguments and set `OK`.
//!
//! Reference pages (developer.4d.com/docs/commands/<name>): create-record,
//! save-record, delete-record, load-record, unload-record, all-records, query,
//! query-selection, query-with-array, order-by, first-record, next-record,
//! goto-record, goto-selected-record, end-selection, records-in-selection,
//! selected-record-number, record-number, reduce-selection, delete-selection,
//! apply-to-selection, selection-to-array, array-to-selection,
//! create-selection-from-array, distinct-values, sum, create-set, use-set,
//! add-to-set, union, intersection, difference, clear-set, records-in-set,
//! copy-named-selection, use-named-selection, relate-one, relate-many,
//! relate-one-selection, relate-many-selection, read-only, read-write, locked,
//! locked-by, start-transaction, validate-transaction, cancel-transaction.
//!
//! Every parameter is received by reference (`refs = ALL`) so that `[T]Field`
//! arrives as a field pointer and arrays as array pointers; [`val`] reads a
//! value parameter through its variable.

use super::Args;
use crate::cmd;
use crate::datastore::codes as dbc;
use crate::datastore::process::{cell_to_value, value_to_cell, var_type, Conj, QOp, QueryLine};
use crate::datastore::store::Cell;
use crate::runtime::error::{codes, err, RtResult};
use crate::runtime::interp::{read_var, Interp};
use crate::runtime::process::OK_VAR;
use crate::runtime::value::{text, Array, Ptr, Value, VarType};
use std::cell::RefCell;
use std::collections::BTreeSet;
use std::rc::Rc;

const ALL: u32 = u32::MAX;

pub static COMMANDS: &[super::CommandDef] = &[
    cmd!("Table", table, refs = ALL),
    cmd!("Field", field, refs = ALL),
    cmd!("Table name", table_name, refs = ALL),
    cmd!("Field name", field_name, refs = ALL),
    cmd!("Records in table", records_in_table, refs = ALL),
    cmd!("Get last table number", last_table_number),
    cmd!("Get last field number", last_field_number, refs = ALL),
    cmd!("DEFAULT TABLE", default_table, refs = ALL),
    cmd!("CREATE RECORD", create_record, refs = ALL),
    cmd!("SAVE RECORD", save_record, refs = ALL),
    cmd!("DELETE RECORD", delete_record, refs = ALL),
    cmd!("LOAD RECORD", load_record, refs = ALL),
    cmd!("UNLOAD RECORD", unload_record, refs = ALL),
    cmd!("ALL RECORDS", all_records, refs = ALL),
    cmd!("QUERY", query, refs = ALL),
    cmd!("QUERY SELECTION", query_selection, refs = ALL),
    cmd!("QUERY WITH ARRAY", query_with_array, refs = ALL),
    cmd!("ORDER BY", order_by, refs = ALL),
    cmd!("FIRST RECORD", first_record, refs = ALL),
    cmd!("NEXT RECORD", next_record, refs = ALL),
    cmd!("LAST RECORD", last_record, refs = ALL),
    cmd!("GOTO RECORD", goto_record, refs = ALL),
    cmd!("GOTO SELECTED RECORD", goto_selected_record, refs = ALL),
    cmd!("End selection", end_selection, refs = ALL),
    cmd!("Records in selection", records_in_selection, refs = ALL),
    cmd!("Selected record number", selected_record_number, refs = ALL),
    cmd!("Record number", record_number, refs = ALL),
    cmd!("REDUCE SELECTION", reduce_selection, refs = ALL),
    cmd!("ONE RECORD SELECT", one_record_select, refs = ALL),
    cmd!("DELETE SELECTION", delete_selection, refs = ALL),
    cmd!("SELECTION TO ARRAY", selection_to_array, refs = ALL),
    cmd!("ARRAY TO SELECTION", array_to_selection, refs = ALL),
    cmd!(
        "CREATE SELECTION FROM ARRAY",
        create_selection_from_array,
        refs = ALL
    ),
    cmd!("DISTINCT VALUES", distinct_values, refs = ALL),
    cmd!("Sum", sum, refs = ALL),
    cmd!("Average", average, refs = ALL),
    cmd!("Min", min, refs = ALL),
    cmd!("Max", max, refs = ALL),
    cmd!("CREATE SET", create_set, refs = ALL),
    cmd!("CREATE EMPTY SET", create_empty_set, refs = ALL),
    cmd!("USE SET", use_set, refs = ALL),
    cmd!("ADD TO SET", add_to_set, refs = ALL),
    cmd!("REMOVE FROM SET", remove_from_set, refs = ALL),
    cmd!("UNION", union, refs = ALL),
    cmd!("INTERSECTION", intersection, refs = ALL),
    cmd!("DIFFERENCE", difference, refs = ALL),
    cmd!("CLEAR SET", clear_set, refs = ALL),
    cmd!("Records in set", records_in_set, refs = ALL),
    cmd!("Is in set", is_in_set, refs = ALL),
    cmd!("COPY NAMED SELECTION", copy_named_selection, refs = ALL),
    cmd!("CUT NAMED SELECTION", cut_named_selection, refs = ALL),
    cmd!("USE NAMED SELECTION", use_named_selection, refs = ALL),
    cmd!("CLEAR NAMED SELECTION", clear_named_selection, refs = ALL),
    cmd!("RELATE ONE", relate_one, refs = ALL),
    cmd!("RELATE MANY", relate_many, refs = ALL),
    cmd!("RELATE ONE SELECTION", relate_one_selection, refs = ALL),
    cmd!("RELATE MANY SELECTION", relate_many_selection, refs = ALL),
    cmd!("READ ONLY", read_only, refs = ALL),
    cmd!("READ WRITE", read_write, refs = ALL),
    cmd!("Read only state", read_only_state, refs = ALL),
    cmd!("Locked", locked, refs = ALL),
    cmd!("LOCKED BY", locked_by, refs = ALL),
    cmd!("START TRANSACTION", start_transaction),
    cmd!("VALIDATE TRANSACTION", validate_transaction),
    cmd!("CANCEL TRANSACTION", cancel_transaction),
    cmd!("In transaction", in_transaction),
    cmd!("Transaction level", transaction_level),
    // the loop APPLY TO SELECTION is compiled to (see compile/resolve/db.rs)
    cmd!("_fourd apply begin", apply_begin, refs = ALL),
    cmd!("_fourd apply more", apply_more, refs = ALL),
    cmd!("_fourd apply next", apply_next, refs = ALL),
];

// ------------------------------------------------------------------ helpers

pub(super) fn set_ok(it: &mut Interp, ok: bool) {
    it.process.vars[OK_VAR as usize] = Value::Int(ok as i32);
}

/// Parameter `i` as a value: a variable passed by reference is read.
pub(super) fn val(it: &Interp, a: &Args, i: usize) -> RtResult<Value> {
    match a.get(i) {
        Value::Pointer(p) => match &**p {
            Ptr::Local { .. } | Ptr::Process(_) | Ptr::Inter(_) | Ptr::Element(_) => {
                Ok(read_var(&it.deref_raw(p)?))
            }
            _ => Ok(a.get(i).clone()),
        },
        v => Ok(v.clone()),
    }
}

pub(super) fn val_text(it: &Interp, a: &Args, i: usize, cmd: &str) -> RtResult<String> {
    match val(it, a, i)? {
        Value::Text(t) => Ok(t.to_string()),
        v => err(
            codes::TYPE_MISMATCH,
            format!(
                "{}: parameter {} must be a text, got {}",
                cmd,
                i + 1,
                v.type_name()
            ),
        ),
    }
}

pub(super) fn val_num(it: &Interp, a: &Args, i: usize, cmd: &str) -> RtResult<f64> {
    match val(it, a, i)? {
        v if v.is_number() => Ok(v.as_num().unwrap_or(0.0)),
        Value::Undefined => Ok(0.0),
        v => err(
            codes::TYPE_MISMATCH,
            format!(
                "{}: parameter {} must be a number, got {}",
                cmd,
                i + 1,
                v.type_name()
            ),
        ),
    }
}

/// The table pointed to by parameter `i`, if it is a table (or a pointer to one).
pub(super) fn table_at(it: &Interp, a: &Args, i: usize) -> Option<u32> {
    match val(it, a, i).ok()? {
        Value::Pointer(p) => match &*p {
            Ptr::Table(t) => Some(*t),
            _ => None,
        },
        _ => None,
    }
}

/// The optional leading table parameter (else the default table): table index and
/// the index of the next parameter.
pub(super) fn opt_table(it: &Interp, a: &Args, cmd: &str) -> RtResult<(usize, usize)> {
    if let Some(t) = table_at(it, a, 0) {
        return Ok((it.db.ti(t)?, 1));
    }
    if it.db.store.is_none() {
        return crate::datastore::process::no_db();
    }
    match it.db.default_table {
        Some(ti) => Ok((ti, 0)),
        None => err(
            dbc::BAD_TABLE,
            format!("{}: no table given and no default table", cmd),
        ),
    }
}

/// Parameter `i` as a field: (table index, field index).
pub(super) fn field_at(it: &Interp, a: &Args, i: usize, cmd: &str) -> RtResult<(usize, usize)> {
    if let Value::Pointer(p) = val(it, a, i)? {
        if let Ptr::Field(t, f) = &*p {
            return it.db.tfi(*t, *f);
        }
    }
    err(
        codes::BAD_ARG,
        format!("{}: parameter {} must be a field", cmd, i + 1),
    )
}

pub(super) fn array_ptr(a: &Args, i: usize, cmd: &str) -> RtResult<Rc<Ptr>> {
    match a.get(i) {
        Value::Pointer(p) => Ok(p.clone()),
        _ => err(
            codes::NOT_ARRAY,
            format!("{}: parameter {} must be an array", cmd, i + 1),
        ),
    }
}

pub(super) fn read_array(it: &Interp, p: &Ptr, cmd: &str) -> RtResult<Vec<Value>> {
    match it.deref_raw(p)? {
        Value::Array(arr) => Ok(arr.borrow().elems.iter().skip(1).cloned().collect()),
        _ => err(codes::NOT_ARRAY, format!("{}: an array is expected", cmd)),
    }
}

/// Replaces an array's content (typed `ty`), keeping the same array if it exists.
pub(super) fn fill_array(it: &mut Interp, p: &Ptr, ty: VarType, vals: Vec<Value>) -> RtResult<()> {
    let mut elems = Vec::with_capacity(vals.len() + 1);
    elems.push(ty.default_value());
    elems.extend(vals);
    if let Ok(Value::Array(arr)) = it.deref_raw(p) {
        let mut a = arr.borrow_mut();
        a.elem = ty;
        a.int16 = false;
        a.two_d = false;
        a.elems = elems;
        a.selected = 0;
        return Ok(());
    }
    let mut arr = Array::new(ty, 0);
    arr.elems = elems;
    it.set_raw(p, Value::Array(Rc::new(RefCell::new(arr))))
}

pub(super) fn set_var(it: &mut Interp, a: &Args, i: usize, v: Value) -> RtResult<()> {
    if let Value::Pointer(p) = a.get(i) {
        let p = p.clone();
        return it.store_ptr(&p, v);
    }
    Ok(())
}

pub(super) fn table_of_set(it: &Interp, name: &str, cmd: &str) -> RtResult<usize> {
    match it.db.sets.get(&name.to_lowercase()) {
        Some(s) => Ok(s.ti),
        None => err(
            codes::BAD_ARG,
            format!("{}: the set \"{}\" does not exist", cmd, name),
        ),
    }
}

// ------------------------------------------------------------------ structure

fn table(it: &mut Interp, a: &mut Args) -> RtResult<Value> {
    match val(it, a, 0)? {
        Value::Pointer(p) => match &*p {
            Ptr::Table(t) | Ptr::Field(t, _) => Ok(Value::Int(*t as i32)),
            _ => err(
                codes::BAD_ARG,
                "Table: a pointer to a table or field is expected",
            ),
        },
        v if v.is_number() => {
            let n = v.as_num().unwrap_or(0.0) as u32;
            it.db.ti(n)?;
            Ok(Value::Pointer(Rc::new(Ptr::Table(n))))
        }
        _ => err(
            codes::BAD_ARG,
            "Table: a table number or pointer is expected",
        ),
    }
}

fn field(it: &mut Interp, a: &mut Args) -> RtResult<Value> {
    if a.len() >= 2 {
        let t = val_num(it, a, 0, "Field")? as u32;
        let f = val_num(it, a, 1, "Field")? as u32;
        it.db.tfi(t, f)?;
        return Ok(Value::Pointer(Rc::new(Ptr::Field(t, f))));
    }
    match val(it, a, 0)? {
        Value::Pointer(p) => match &*p {
            Ptr::Field(_, f) => Ok(Value::Int(*f as i32)),
            _ => err(codes::BAD_ARG, "Field: a pointer to a field is expected"),
        },
        _ => err(codes::BAD_ARG, "Field: a pointer to a field is expected"),
    }
}

fn table_name(it: &mut Interp, a: &mut Args) -> RtResult<Value> {
    let t = match val(it, a, 0)? {
        Value::Pointer(p) => match &*p {
            Ptr::Table(t) | Ptr::Field(t, _) => *t,
            _ => return err(codes::BAD_ARG, "Table name: a table is expected"),
        },
        v => v.as_num().unwrap_or(0.0) as u32,
    };
    let ti = it.db.ti(t)?;
    let name = it
        .db
        .structure()
        .map(|s| s.tables[ti].name.clone())
        .unwrap_or_default();
    Ok(text(name))
}

fn field_name(it: &mut Interp, a: &mut Args) -> RtResult<Value> {
    let (t, f) = if a.len() >= 2 {
        (
            val_num(it, a, 0, "Field name")? as u32,
            val_num(it, a, 1, "Field name")? as u32,
        )
    } else {
        match val(it, a, 0)? {
            Value::Pointer(p) => match &*p {
                Ptr::Field(t, f) => (*t, *f),
                _ => return err(codes::BAD_ARG, "Field name: a field is expected"),
            },
            _ => return err(codes::BAD_ARG, "Field name: a field is expected"),
        }
    };
    let (ti, fi) = it.db.tfi(t, f)?;
    let name = it
        .db
        .structure()
        .map(|s| s.tables[ti].fields[fi].name.clone())
        .unwrap_or_default();
    Ok(text(name))
}

fn records_in_table(it: &mut Interp, a: &mut Args) -> RtResult<Value> {
    let (ti, _) = opt_table(it, a, "Records in table")?;
    Ok(Value::Int(it.db.records_in_table(ti)? as i32))
}

fn last_table_number(it: &mut Interp, _: &mut Args) -> RtResult<Value> {
    let n = it
        .db
        .structure()
        .and_then(|s| s.tables.iter().map(|t| t.num).max())
        .unwrap_or(0);
    Ok(Value::Int(n as i32))
}

fn last_field_number(it: &mut Interp, a: &mut Args) -> RtResult<Value> {
    let t = match table_at(it, a, 0) {
        Some(t) => t,
        None => val_num(it, a, 0, "Get last field number")? as u32,
    };
    let ti = it.db.ti(t)?;
    let n = it
        .db
        .structure()
        .and_then(|s| s.tables[ti].fields.iter().map(|f| f.num).max())
        .unwrap_or(0);
    Ok(Value::Int(n as i32))
}

fn default_table(it: &mut Interp, a: &mut Args) -> RtResult<Value> {
    let (ti, _) = opt_table(it, a, "DEFAULT TABLE")?;
    it.db.default_table = Some(ti);
    Ok(Value::Undefined)
}

// ------------------------------------------------------------------ records

fn create_record(it: &mut Interp, a: &mut Args) -> RtResult<Value> {
    let (ti, _) = opt_table(it, a, "CREATE RECORD")?;
    it.db.create(ti)?;
    Ok(Value::Undefined)
}

fn save_record(it: &mut Interp, a: &mut Args) -> RtResult<Value> {
    let (ti, _) = opt_table(it, a, "SAVE RECORD")?;
    it.db.save(ti)?;
    Ok(Value::Undefined)
}

fn delete_record(it: &mut Interp, a: &mut Args) -> RtResult<Value> {
    let (ti, _) = opt_table(it, a, "DELETE RECORD")?;
    it.db.delete_current(ti)?;
    Ok(Value::Undefined)
}

fn load_record(it: &mut Interp, a: &mut Args) -> RtResult<Value> {
    let (ti, _) = opt_table(it, a, "LOAD RECORD")?;
    it.db.load_record(ti)?;
    Ok(Value::Undefined)
}

fn unload_record(it: &mut Interp, a: &mut Args) -> RtResult<Value> {
    let (ti, _) = opt_table(it, a, "UNLOAD RECORD")?;
    it.db.unload(ti)?;
    Ok(Value::Undefined)
}

fn all_records(it: &mut Interp, a: &mut Args) -> RtResult<Value> {
    let (ti, _) = opt_table(it, a, "ALL RECORDS")?;
    let all = it.db.all_records(ti)?;
    it.db.set_selection(ti, all)?;
    Ok(Value::Undefined)
}

/// Decodes `{conj;} criterion` from parameter `i` on.
fn query_lines(
    it: &Interp,
    a: &Args,
    start: usize,
    ti: usize,
    cmd: &str,
) -> RtResult<Vec<QueryLine>> {
    let mut lines = Vec::new();
    let mut conj = Conj::First;
    for i in start..a.len() {
        match val(it, a, i)? {
            Value::Text(t) if t.as_str() == "&" => conj = Conj::And,
            Value::Text(t) if t.as_str() == "|" => conj = Conj::Or,
            Value::Text(t) if t.as_str() == "#" => conj = Conj::Except,
            Value::Object(o) => {
                let o = o.borrow();
                let (Some(Value::Pointer(p)), Some(Value::Text(op))) =
                    (o.get("field"), o.get("op"))
                else {
                    return err(codes::BAD_ARG, format!("{}: invalid query criterion", cmd));
                };
                let Ptr::Field(t, f) = &**p else {
                    return err(codes::BAD_ARG, format!("{}: invalid query criterion", cmd));
                };
                let (fti, fi) = it.db.tfi(*t, *f)?;
                if fti != ti {
                    return err(
                        codes::UNSUPPORTED,
                        format!("{}: queries on related tables are not supported", cmd),
                    );
                }
                let op = match op.as_str() {
                    "=" => QOp::Eq,
                    "#" => QOp::Ne,
                    "<" => QOp::Lt,
                    "<=" => QOp::Le,
                    ">" => QOp::Gt,
                    ">=" => QOp::Ge,
                    _ => QOp::Keyword,
                };
                let ty = it.db.field_type(ti, fi);
                let v = o.get("value").cloned().unwrap_or_default();
                let value = value_to_cell(v, ty).or_else(|e| {
                    err(
                        codes::TYPE_MISMATCH,
                        format!(
                            "{}: the value does not match the field type ({})",
                            cmd, e.message
                        ),
                    )
                })?;
                lines.push(QueryLine {
                    conj,
                    fi,
                    op,
                    value,
                });
                conj = Conj::And;
            }
            _ => return err(codes::BAD_ARG, format!("{}: invalid query criterion", cmd)),
        }
    }
    Ok(lines)
}

fn run_query(it: &mut Interp, a: &mut Args, in_selection: bool, cmd: &str) -> RtResult<Value> {
    let (ti, next) = opt_table(it, a, cmd)?;
    let mut lines = query_lines(it, a, next, ti, cmd)?;
    let (mut pending, mut base) = match it.db.pending_query.take() {
        Some((pti, b, l)) if pti == ti => (l, b),
        _ => (Vec::new(), in_selection),
    };
    if pending.is_empty() {
        base = in_selection;
        if let Some(l) = lines.first_mut() {
            l.conj = Conj::First;
        }
    }
    pending.append(&mut lines);
    if a.star {
        it.db.pending_query = Some((ti, base, pending));
        return Ok(Value::Undefined);
    }
    if pending.is_empty() {
        // QUERY([T]) without criteria opens the query editor in 4D: nothing headless
        set_ok(it, false);
        return Ok(Value::Undefined);
    }
    let sel = it.db.query(ti, &pending, base)?;
    super::dbmore::deliver(it, ti, sel)?;
    set_ok(it, true);
    Ok(Value::Undefined)
}

fn query(it: &mut Interp, a: &mut Args) -> RtResult<Value> {
    run_query(it, a, false, "QUERY")
}

fn query_selection(it: &mut Interp, a: &mut Args) -> RtResult<Value> {
    run_query(it, a, true, "QUERY SELECTION")
}

fn query_with_array(it: &mut Interp, a: &mut Args) -> RtResult<Value> {
    let (ti, fi) = field_at(it, a, 0, "QUERY WITH ARRAY")?;
    let p = array_ptr(a, 1, "QUERY WITH ARRAY")?;
    let ty = it.db.field_type(ti, fi);
    let mut lines = Vec::new();
    for v in read_array(it, &p, "QUERY WITH ARRAY")? {
        let value = value_to_cell(v, ty)?;
        lines.push(QueryLine {
            conj: Conj::Or,
            fi,
            op: QOp::Eq,
            value,
        });
    }
    let sel = if lines.is_empty() {
        Vec::new()
    } else {
        it.db.query(ti, &lines, false)?
    };
    super::dbmore::deliver(it, ti, sel).map(|_| Value::Undefined)
}

fn order_by(it: &mut Interp, a: &mut Args) -> RtResult<Value> {
    let (ti, next) = opt_table(it, a, "ORDER BY")?;
    let mut keys: Vec<(usize, bool)> = Vec::new();
    for i in next..a.len() {
        match val(it, a, i)? {
            Value::Text(t) if t.as_str() == ">" => {
                if let Some(k) = keys.last_mut() {
                    k.1 = true
                }
            }
            Value::Text(t) if t.as_str() == "<" => {
                if let Some(k) = keys.last_mut() {
                    k.1 = false
                }
            }
            _ => {
                let (fti, fi) = field_at(it, a, i, "ORDER BY")?;
                if fti != ti {
                    return err(
                        codes::UNSUPPORTED,
                        "ORDER BY: sorting on related fields is not supported",
                    );
                }
                keys.push((fi, true));
            }
        }
    }
    if keys.is_empty() {
        set_ok(it, false);
        return Ok(Value::Undefined);
    }
    it.db.order_by(ti, &keys)?;
    set_ok(it, true);
    Ok(Value::Undefined)
}

// ------------------------------------------------------------------ navigation

fn first_record(it: &mut Interp, a: &mut Args) -> RtResult<Value> {
    let (ti, _) = opt_table(it, a, "FIRST RECORD")?;
    it.db.goto_pos(ti, 0)?;
    Ok(Value::Undefined)
}

fn next_record(it: &mut Interp, a: &mut Args) -> RtResult<Value> {
    let (ti, _) = opt_table(it, a, "NEXT RECORD")?;
    let pos = it.db.tables[ti].pos;
    it.db.goto_pos(ti, pos + 1)?;
    Ok(Value::Undefined)
}

fn last_record(it: &mut Interp, a: &mut Args) -> RtResult<Value> {
    let (ti, _) = opt_table(it, a, "LAST RECORD")?;
    let n = it.db.tables[ti].sel.len();
    it.db.goto_pos(ti, n.saturating_sub(1))?;
    Ok(Value::Undefined)
}

fn goto_record(it: &mut Interp, a: &mut Args) -> RtResult<Value> {
    let (ti, next) = opt_table(it, a, "GOTO RECORD")?;
    let rn = val_num(it, a, next, "GOTO RECORD")? as i64;
    if it.db.stored_record(ti, rn)?.is_none() {
        return err(
            dbc::BAD_RECORD,
            format!("GOTO RECORD: record number {} does not exist", rn),
        );
    }
    match it.db.tables[ti].sel.iter().position(|&r| r == rn) {
        Some(p) => it.db.goto_pos(ti, p)?,
        None => it.db.set_selection(ti, vec![rn])?,
    }
    Ok(Value::Undefined)
}

fn goto_selected_record(it: &mut Interp, a: &mut Args) -> RtResult<Value> {
    let (ti, next) = opt_table(it, a, "GOTO SELECTED RECORD")?;
    let n = val_num(it, a, next, "GOTO SELECTED RECORD")? as i64;
    let len = it.db.tables[ti].sel.len() as i64;
    if n < 1 || n > len {
        // out of range: no current record
        it.db.goto_pos(ti, len as usize)?;
    } else {
        it.db.goto_pos(ti, (n - 1) as usize)?;
    }
    Ok(Value::Undefined)
}

fn end_selection(it: &mut Interp, a: &mut Args) -> RtResult<Value> {
    let (ti, _) = opt_table(it, a, "End selection")?;
    let t = &it.db.tables[ti];
    Ok(Value::Bool(t.pos >= t.sel.len()))
}

fn records_in_selection(it: &mut Interp, a: &mut Args) -> RtResult<Value> {
    let (ti, _) = opt_table(it, a, "Records in selection")?;
    Ok(Value::Int(it.db.tables[ti].sel.len() as i32))
}

fn selected_record_number(it: &mut Interp, a: &mut Args) -> RtResult<Value> {
    let (ti, _) = opt_table(it, a, "Selected record number")?;
    let t = &it.db.tables[ti];
    let new = matches!(&t.cur, Some(c) if c.rn < 0);
    Ok(Value::Int(if t.pos < t.sel.len() && !new {
        t.pos as i32 + 1
    } else {
        0
    }))
}

fn record_number(it: &mut Interp, a: &mut Args) -> RtResult<Value> {
    let (ti, _) = opt_table(it, a, "Record number")?;
    Ok(Value::Int(it.db.record_number(ti) as i32))
}

fn reduce_selection(it: &mut Interp, a: &mut Args) -> RtResult<Value> {
    let (ti, next) = opt_table(it, a, "REDUCE SELECTION")?;
    let n = val_num(it, a, next, "REDUCE SELECTION")?.max(0.0) as usize;
    let mut sel = it.db.tables[ti].sel.clone();
    sel.truncate(n);
    it.db.set_selection(ti, sel)?;
    Ok(Value::Undefined)
}

fn one_record_select(it: &mut Interp, a: &mut Args) -> RtResult<Value> {
    let (ti, _) = opt_table(it, a, "ONE RECORD SELECT")?;
    let rn = it.db.record_number(ti);
    if rn >= 0 {
        it.db.set_selection(ti, vec![rn])?;
    }
    Ok(Value::Undefined)
}

fn delete_selection(it: &mut Interp, a: &mut Args) -> RtResult<Value> {
    let (ti, _) = opt_table(it, a, "DELETE SELECTION")?;
    it.db.delete_selection(ti)?;
    Ok(Value::Undefined)
}

// --------------------------------------------------------- APPLY TO SELECTION

fn apply_begin(it: &mut Interp, a: &mut Args) -> RtResult<Value> {
    let (ti, _) = opt_table(it, a, "APPLY TO SELECTION")?;
    it.db.sets.insert(
        "lockedset".into(),
        crate::datastore::process::SetData {
            ti,
            recs: BTreeSet::new(),
        },
    );
    it.db.goto_pos(ti, 0)?;
    Ok(Value::Undefined)
}

fn apply_more(it: &mut Interp, a: &mut Args) -> RtResult<Value> {
    let (ti, _) = opt_table(it, a, "APPLY TO SELECTION")?;
    let t = &it.db.tables[ti];
    Ok(Value::Bool(t.pos < t.sel.len()))
}

fn apply_next(it: &mut Interp, a: &mut Args) -> RtResult<Value> {
    let (ti, _) = opt_table(it, a, "APPLY TO SELECTION")?;
    let locked = matches!(&it.db.tables[ti].cur, Some(c) if c.locked_by_other.is_some());
    if locked {
        let rn = it.db.record_number(ti);
        if let Some(s) = it.db.sets.get_mut("lockedset") {
            s.recs.insert(rn);
        }
    } else {
        it.db.save(ti)?;
    }
    let pos = it.db.tables[ti].pos + 1;
    if pos >= it.db.tables[ti].sel.len() {
        it.db.tables[ti].pos = pos;
        it.db.goto_pos(ti, 0)?;
        it.db.tables[ti].pos = pos;
    } else {
        it.db.goto_pos(ti, pos)?;
    }
    Ok(Value::Undefined)
}

// ------------------------------------------------------------------ arrays

fn selection_to_array(it: &mut Interp, a: &mut Args) -> RtResult<Value> {
    let mut i = 0;
    while i + 1 < a.len() {
        let p = array_ptr(a, i + 1, "SELECTION TO ARRAY")?;
        if let Some(t) = table_at(it, a, i) {
            let ti = it.db.ti(t)?;
            let vals = it.db.tables[ti]
                .sel
                .iter()
                .map(|&r| Value::Int(r as i32))
                .collect();
            fill_array(it, &p, VarType::Integer, vals)?;
        } else {
            let (ti, fi) = field_at(it, a, i, "SELECTION TO ARRAY")?;
            let ty = it.db.field_type(ti, fi);
            let sel = it.db.tables[ti].sel.clone();
            let vals = it
                .db
                .cells(ti, fi, &sel)?
                .iter()
                .map(|(_, c)| cell_to_value(c, ty))
                .collect();
            fill_array(it, &p, var_type(ty), vals)?;
        }
        i += 2;
    }
    Ok(Value::Undefined)
}

fn array_to_selection(it: &mut Interp, a: &mut Args) -> RtResult<Value> {
    let mut pairs = Vec::new();
    let mut i = 0;
    while i + 1 < a.len() {
        let p = array_ptr(a, i, "ARRAY TO SELECTION")?;
        let (ti, fi) = field_at(it, a, i + 1, "ARRAY TO SELECTION")?;
        pairs.push((read_array(it, &p, "ARRAY TO SELECTION")?, ti, fi));
        i += 2;
    }
    let Some(ti) = pairs.first().map(|p| p.1) else {
        return Ok(Value::Undefined);
    };
    let n = pairs.iter().map(|p| p.0.len()).max().unwrap_or(0);
    let sel = it.db.tables[ti].sel.clone();
    let mut new_sel = Vec::with_capacity(n);
    let mut locked = BTreeSet::new();
    it.db.unload(ti)?;
    for k in 0..n {
        let (rn, mut rec) = match sel.get(k) {
            Some(&rn) => match it.db.stored_record(ti, rn)? {
                Some(r) => (rn, r),
                None => continue,
            },
            None => it.db.new_record(ti)?,
        };
        if sel.get(k).is_some() && !it.db.lock_record(ti, rn)? {
            locked.insert(rn);
            new_sel.push(rn);
            continue;
        }
        for (vals, _, fi) in &pairs {
            if let Some(v) = vals.get(k) {
                rec[*fi] = value_to_cell(v.clone(), it.db.field_type(ti, *fi))?;
            }
        }
        it.db.write_record(ti, rn, rec)?;
        it.db.unlock_record(ti, rn)?;
        new_sel.push(rn);
    }
    it.db.sets.insert(
        "lockedset".into(),
        crate::datastore::process::SetData { ti, recs: locked },
    );
    it.db.set_selection(ti, new_sel)?;
    Ok(Value::Undefined)
}

fn create_selection_from_array(it: &mut Interp, a: &mut Args) -> RtResult<Value> {
    let (ti, next) = opt_table(it, a, "CREATE SELECTION FROM ARRAY")?;
    let p = array_ptr(a, next, "CREATE SELECTION FROM ARRAY")?;
    let vals = read_array(it, &p, "CREATE SELECTION FROM ARRAY")?;
    let mut sel = Vec::new();
    for (k, v) in vals.iter().enumerate() {
        let rn = match v {
            Value::Bool(true) => k as i64,
            Value::Bool(false) => continue,
            v => v.as_num().unwrap_or(-1.0) as i64,
        };
        if it.db.stored_record(ti, rn)?.is_none() {
            return err(
                dbc::BAD_RECORD,
                format!(
                    "CREATE SELECTION FROM ARRAY: record number {} does not exist",
                    rn
                ),
            );
        }
        sel.push(rn);
    }
    if a.len() > next + 1 {
        let name = val_text(it, a, next + 1, "CREATE SELECTION FROM ARRAY")?;
        it.db.named.insert(
            name.to_lowercase(),
            crate::datastore::process::NamedSel { ti, sel, pos: 0 },
        );
    } else {
        it.db.set_selection(ti, sel)?;
    }
    Ok(Value::Undefined)
}

fn distinct_values(it: &mut Interp, a: &mut Args) -> RtResult<Value> {
    let (ti, fi) = field_at(it, a, 0, "DISTINCT VALUES")?;
    let p = array_ptr(a, 1, "DISTINCT VALUES")?;
    let ty = it.db.field_type(ti, fi);
    let sel = it.db.tables[ti].sel.clone();
    let mut cells: Vec<Cell> = it
        .db
        .cells(ti, fi, &sel)?
        .into_iter()
        .map(|c| c.1)
        .collect();
    crate::runtime::sorting::sort_by(&mut cells, crate::datastore::process::compare_cells);
    cells.dedup_by(|x, y| crate::datastore::process::compare_cells(x, y).is_eq());
    let vals = cells.iter().map(|c| cell_to_value(c, ty)).collect();
    fill_array(it, &p, var_type(ty), vals)?;
    Ok(Value::Undefined)
}

fn numbers(it: &Interp, a: &Args, cmd: &str) -> RtResult<Vec<f64>> {
    let (ti, fi) = field_at(it, a, 0, cmd)?;
    let sel = it.db.tables[ti].sel.clone();
    Ok(it
        .db
        .cells(ti, fi, &sel)?
        .iter()
        .map(|(_, c)| match c {
            Cell::Int(i) => *i as f64,
            Cell::Real(r) => *r,
            Cell::Time(t) => *t as f64,
            _ => 0.0,
        })
        .collect())
}

fn sum(it: &mut Interp, a: &mut Args) -> RtResult<Value> {
    Ok(Value::Real(numbers(it, a, "Sum")?.iter().sum()))
}

fn average(it: &mut Interp, a: &mut Args) -> RtResult<Value> {
    let n = numbers(it, a, "Average")?;
    Ok(Value::Real(if n.is_empty() {
        0.0
    } else {
        n.iter().sum::<f64>() / n.len() as f64
    }))
}

fn min(it: &mut Interp, a: &mut Args) -> RtResult<Value> {
    let n = numbers(it, a, "Min")?;
    Ok(Value::Real(
        n.iter().copied().reduce(f64::min).unwrap_or(0.0),
    ))
}

fn max(it: &mut Interp, a: &mut Args) -> RtResult<Value> {
    let n = numbers(it, a, "Max")?;
    Ok(Value::Real(
        n.iter().copied().reduce(f64::max).unwrap_or(0.0),
    ))
}

// ------------------------------------------------------------------ sets

pub(super) fn put_set(it: &mut Interp, name: &str, ti: usize, recs: BTreeSet<i64>) {
    it.db.sets.insert(
        name.to_lowercase(),
        crate::datastore::process::SetData { ti, recs },
    );
}

fn create_set(it: &mut Interp, a: &mut Args) -> RtResult<Value> {
    let (ti, next) = opt_table(it, a, "CREATE SET")?;
    let name = val_text(it, a, next, "CREATE SET")?;
    let recs = it.db.tables[ti].sel.iter().copied().collect();
    put_set(it, &name, ti, recs);
    Ok(Value::Undefined)
}

fn create_empty_set(it: &mut Interp, a: &mut Args) -> RtResult<Value> {
    let (ti, next) = opt_table(it, a, "CREATE EMPTY SET")?;
    let name = val_text(it, a, next, "CREATE EMPTY SET")?;
    put_set(it, &name, ti, BTreeSet::new());
    Ok(Value::Undefined)
}

fn use_set(it: &mut Interp, a: &mut Args) -> RtResult<Value> {
    let name = val_text(it, a, 0, "USE SET")?;
    let ti = table_of_set(it, &name, "USE SET")?;
    let sel: Vec<i64> = it.db.sets[&name.to_lowercase()]
        .recs
        .iter()
        .copied()
        .collect();
    it.db.set_selection(ti, sel)?;
    Ok(Value::Undefined)
}

fn add_to_set(it: &mut Interp, a: &mut Args) -> RtResult<Value> {
    let (ti, next) = opt_table(it, a, "ADD TO SET")?;
    let name = val_text(it, a, next, "ADD TO SET")?;
    let rn = it.db.record_number(ti);
    let key = name.to_lowercase();
    if !it.db.sets.contains_key(&key) {
        put_set(it, &name, ti, BTreeSet::new());
    }
    if rn >= 0 {
        if let Some(s) = it.db.sets.get_mut(&key) {
            s.recs.insert(rn);
        }
    }
    Ok(Value::Undefined)
}

fn remove_from_set(it: &mut Interp, a: &mut Args) -> RtResult<Value> {
    let (ti, next) = opt_table(it, a, "REMOVE FROM SET")?;
    let name = val_text(it, a, next, "REMOVE FROM SET")?;
    let rn = it.db.record_number(ti);
    if let Some(s) = it.db.sets.get_mut(&name.to_lowercase()) {
        s.recs.remove(&rn);
    }
    Ok(Value::Undefined)
}

fn set_op(
    it: &mut Interp,
    a: &mut Args,
    cmd: &str,
    op: fn(&BTreeSet<i64>, &BTreeSet<i64>) -> BTreeSet<i64>,
) -> RtResult<Value> {
    let n1 = val_text(it, a, 0, cmd)?;
    let n2 = val_text(it, a, 1, cmd)?;
    let n3 = val_text(it, a, 2, cmd)?;
    let t1 = table_of_set(it, &n1, cmd)?;
    let t2 = table_of_set(it, &n2, cmd)?;
    if t1 != t2 {
        return err(
            codes::BAD_ARG,
            format!("{}: the sets belong to different tables", cmd),
        );
    }
    let r = op(
        &it.db.sets[&n1.to_lowercase()].recs,
        &it.db.sets[&n2.to_lowercase()].recs,
    );
    put_set(it, &n3, t1, r);
    Ok(Value::Undefined)
}

fn union(it: &mut Interp, a: &mut Args) -> RtResult<Value> {
    set_op(it, a, "UNION", |x, y| x.union(y).copied().collect())
}

fn intersection(it: &mut Interp, a: &mut Args) -> RtResult<Value> {
    set_op(it, a, "INTERSECTION", |x, y| {
        x.intersection(y).copied().collect()
    })
}

fn difference(it: &mut Interp, a: &mut Args) -> RtResult<Value> {
    set_op(it, a, "DIFFERENCE", |x, y| {
        x.difference(y).copied().collect()
    })
}

fn clear_set(it: &mut Interp, a: &mut Args) -> RtResult<Value> {
    let name = val_text(it, a, 0, "CLEAR SET")?;
    it.db.sets.remove(&name.to_lowercase());
    Ok(Value::Undefined)
}

fn records_in_set(it: &mut Interp, a: &mut Args) -> RtResult<Value> {
    let name = val_text(it, a, 0, "Records in set")?;
    table_of_set(it, &name, "Records in set")?;
    Ok(Value::Int(
        it.db.sets[&name.to_lowercase()].recs.len() as i32
    ))
}

fn is_in_set(it: &mut Interp, a: &mut Args) -> RtResult<Value> {
    let name = val_text(it, a, 0, "Is in set")?;
    let ti = table_of_set(it, &name, "Is in set")?;
    let rn = it.db.record_number(ti);
    Ok(Value::Bool(
        it.db.sets[&name.to_lowercase()].recs.contains(&rn),
    ))
}

// ------------------------------------------------------------ named selections

fn copy_named_selection(it: &mut Interp, a: &mut Args) -> RtResult<Value> {
    let (ti, next) = opt_table(it, a, "COPY NAMED SELECTION")?;
    let name = val_text(it, a, next, "COPY NAMED SELECTION")?;
    let t = &it.db.tables[ti];
    let ns = crate::datastore::process::NamedSel {
        ti,
        sel: t.sel.clone(),
        pos: t.pos,
    };
    it.db.named.insert(name.to_lowercase(), ns);
    Ok(Value::Undefined)
}

fn cut_named_selection(it: &mut Interp, a: &mut Args) -> RtResult<Value> {
    copy_named_selection(it, a)?;
    let (ti, _) = opt_table(it, a, "CUT NAMED SELECTION")?;
    it.db.set_selection(ti, Vec::new())?;
    Ok(Value::Undefined)
}

fn use_named_selection(it: &mut Interp, a: &mut Args) -> RtResult<Value> {
    let name = val_text(it, a, 0, "USE NAMED SELECTION")?;
    let Some(ns) = it.db.named.get(&name.to_lowercase()).cloned() else {
        return err(
            codes::BAD_ARG,
            format!("USE NAMED SELECTION: no named selection \"{}\"", name),
        );
    };
    it.db.tables[ns.ti].sel = ns.sel;
    it.db.goto_pos(ns.ti, ns.pos)?;
    Ok(Value::Undefined)
}

fn clear_named_selection(it: &mut Interp, a: &mut Args) -> RtResult<Value> {
    let name = val_text(it, a, 0, "CLEAR NAMED SELECTION")?;
    it.db.named.remove(&name.to_lowercase());
    Ok(Value::Undefined)
}

// ------------------------------------------------------------------ relations

/// Relations selected by a RELATE parameter: a field (that field's relations) or a
/// table (all of them); `many` picks the Many side.
fn relations(
    it: &Interp,
    a: &Args,
    i: usize,
    many_side: bool,
    cmd: &str,
) -> RtResult<Vec<crate::datastore::structure::Relation>> {
    let Some(s) = it.db.structure() else {
        return crate::datastore::process::no_db();
    };
    let (t, f) = match val(it, a, i)? {
        Value::Pointer(p) => match &*p {
            Ptr::Table(t) => (*t, None),
            Ptr::Field(t, f) => (*t, Some(*f)),
            _ => {
                return err(
                    codes::BAD_ARG,
                    format!("{}: a table or field is expected", cmd),
                )
            }
        },
        _ => {
            return err(
                codes::BAD_ARG,
                format!("{}: a table or field is expected", cmd),
            )
        }
    };
    Ok(s.relations
        .iter()
        .filter(|r| {
            if many_side {
                r.many_table == t && f.is_none_or(|f| f == r.many_field)
            } else {
                r.one_table == t && f.is_none_or(|f| f == r.one_field)
            }
        })
        .cloned()
        .collect())
}

/// Records of table `ti` whose field `fi` equals one of `keys`.
fn records_matching(it: &Interp, ti: usize, fi: usize, keys: &[Cell]) -> RtResult<Vec<i64>> {
    let lines: Vec<QueryLine> = keys
        .iter()
        .map(|k| QueryLine {
            conj: Conj::Or,
            fi,
            op: QOp::Eq,
            value: match k {
                // related text keys match exactly (no wildcard)
                Cell::Text(s) if s.contains('@') => Cell::Text(s.clone()),
                c => c.clone(),
            },
        })
        .collect();
    if lines.is_empty() {
        return Ok(Vec::new());
    }
    it.db.query(ti, &lines, false)
}

fn relate_one(it: &mut Interp, a: &mut Args) -> RtResult<Value> {
    for r in relations(it, a, 0, true, "RELATE ONE")? {
        let (mti, mfi) = it.db.tfi(r.many_table, r.many_field)?;
        let (oti, ofi) = it.db.tfi(r.one_table, r.one_field)?;
        let Some(cur) = &it.db.tables[mti].cur else {
            continue;
        };
        let key = value_to_cell(cur.vals[mfi].clone(), it.db.field_type(mti, mfi))?;
        let mut sel = records_matching(it, oti, ofi, &[key])?;
        sel.truncate(1);
        it.db.set_selection(oti, sel)?;
    }
    Ok(Value::Undefined)
}

fn relate_many(it: &mut Interp, a: &mut Args) -> RtResult<Value> {
    for r in relations(it, a, 0, false, "RELATE MANY")? {
        let (mti, mfi) = it.db.tfi(r.many_table, r.many_field)?;
        let (oti, ofi) = it.db.tfi(r.one_table, r.one_field)?;
        let sel = match &it.db.tables[oti].cur {
            Some(cur) => {
                let key = value_to_cell(cur.vals[ofi].clone(), it.db.field_type(oti, ofi))?;
                records_matching(it, mti, mfi, &[key])?
            }
            None => Vec::new(),
        };
        it.db.set_selection(mti, sel)?;
    }
    Ok(Value::Undefined)
}

fn relate_one_selection(it: &mut Interp, a: &mut Args) -> RtResult<Value> {
    let many = table_at(it, a, 0);
    let one = table_at(it, a, 1);
    let (Some(many), Some(one)) = (many, one) else {
        return err(
            codes::BAD_ARG,
            "RELATE ONE SELECTION: two tables are expected",
        );
    };
    let Some(s) = it.db.structure() else {
        return crate::datastore::process::no_db();
    };
    let Some(r) = s
        .relations
        .iter()
        .find(|r| r.many_table == many && r.one_table == one)
        .cloned()
    else {
        return err(
            codes::BAD_ARG,
            "RELATE ONE SELECTION: the tables are not related",
        );
    };
    let (mti, mfi) = it.db.tfi(r.many_table, r.many_field)?;
    let (oti, ofi) = it.db.tfi(r.one_table, r.one_field)?;
    let sel = it.db.tables[mti].sel.clone();
    let keys: Vec<Cell> = it
        .db
        .cells(mti, mfi, &sel)?
        .into_iter()
        .map(|c| c.1)
        .collect();
    let recs = records_matching(it, oti, ofi, &keys)?;
    it.db.set_selection(oti, recs)?;
    Ok(Value::Undefined)
}

fn relate_many_selection(it: &mut Interp, a: &mut Args) -> RtResult<Value> {
    let rels = relations(it, a, 0, true, "RELATE MANY SELECTION")?;
    let Some(r) = rels.first().cloned() else {
        return err(
            codes::BAD_ARG,
            "RELATE MANY SELECTION: the field has no relation",
        );
    };
    let (mti, mfi) = it.db.tfi(r.many_table, r.many_field)?;
    let (oti, ofi) = it.db.tfi(r.one_table, r.one_field)?;
    let sel = it.db.tables[oti].sel.clone();
    let keys: Vec<Cell> = it
        .db
        .cells(oti, ofi, &sel)?
        .into_iter()
        .map(|c| c.1)
        .collect();
    let recs = records_matching(it, mti, mfi, &keys)?;
    it.db.set_selection(mti, recs)?;
    Ok(Value::Undefined)
}

// ------------------------------------------------------------------ locking

fn set_mode(it: &mut Interp, a: &Args, ro: bool, cmd: &str) -> RtResult<Value> {
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

fn read_only(it: &mut Interp, a: &mut Args) -> RtResult<Value> {
    set_mode(it, a, true, "READ ONLY")
}

fn read_write(it: &mut Interp, a: &mut Args) -> RtResult<Value> {
    set_mode(it, a, false, "READ WRITE")
}

fn read_only_state(it: &mut Interp, a: &mut Args) -> RtResult<Value> {
    let (ti, _) = opt_table(it, a, "Read only state")?;
    Ok(Value::Bool(it.db.tables[ti].read_only))
}

fn locked(it: &mut Interp, a: &mut Args) -> RtResult<Value> {
    let (ti, _) = opt_table(it, a, "Locked")?;
    Ok(Value::Bool(it.db.locked(ti)))
}

fn locked_by(it: &mut Interp, a: &mut Args) -> RtResult<Value> {
    let (ti, next) = opt_table(it, a, "LOCKED BY")?;
    let (pid, name) = it.db.locked_by(ti)?;
    set_var(it, a, next, Value::Int(pid as i32))?;
    set_var(it, a, next + 1, text(""))?;
    set_var(it, a, next + 2, text(""))?;
    set_var(it, a, next + 3, text(name))?;
    Ok(Value::Undefined)
}

// ------------------------------------------------------------------ transactions

fn start_transaction(it: &mut Interp, _: &mut Args) -> RtResult<Value> {
    it.db.start_transaction();
    Ok(Value::Undefined)
}

fn validate_transaction(it: &mut Interp, _: &mut Args) -> RtResult<Value> {
    let r = it.db.validate_transaction();
    set_ok(it, r.is_ok());
    r.map(|_| Value::Undefined)
}

fn cancel_transaction(it: &mut Interp, _: &mut Args) -> RtResult<Value> {
    it.db.cancel_transaction();
    Ok(Value::Undefined)
}

fn in_transaction(it: &mut Interp, _: &mut Args) -> RtResult<Value> {
    Ok(Value::Bool(it.db.in_transaction()))
}

fn transaction_level(it: &mut Interp, _: &mut Args) -> RtResult<Value> {
    Ok(Value::Int(it.db.transaction_level() as i32))
}
