//! More database commands of the classic language, beyond `db`: where queries
//! put what they find (`SET QUERY DESTINATION`, `SET QUERY LIMIT`), record-number
//! arrays and sets (`LONGINT ARRAY FROM SELECTION`, `CREATE SET FROM ARRAY`,
//! `COPY SET`), `QUERY SELECTION WITH ARRAY`, the current record's state
//! (`DUPLICATE RECORD`, `Modified record`, `Is new record`, `PUSH RECORD` /
//! `POP RECORD`, `PREVIOUS RECORD`, `Before selection`), `Sequence number`, `GET FIELD PROPERTIES`,
//! `Current default table`, `NO DEFAULT TABLE`, `Is record loaded`, `TRUNCATE TABLE`, `GET TABLE TITLES`, `GET FIELD TITLES`, the query descriptions
//! (`DESCRIBE QUERY EXECUTION`, `Last query plan`, `Last query path`) and the loop
//! helpers `QUERY BY FORMULA`, `QUERY SELECTION BY FORMULA` and `ORDER BY FORMULA`
//! are compiled to (see `compile/resolve/db.rs`).
//!
//! Reference pages (developer.4d.com/docs/commands/<name>): set-query-destination,
//! set-query-limit, longint-array-from-selection, create-set-from-array, copy-set,
//! query-selection-with-array, duplicate-record, modified-record, is-new-record,
//! push-record, pop-record, previous-record, before-selection, sequence-number, get-field-properties,
//! current-default-table, no-default-table, is-record-loaded, truncate-table, get-table-titles, get-field-titles, describe-query-execution,
//! last-query-plan, last-query-path, query-by-formula, query-selection-by-formula,
//! order-by-formula.
//!
//! Choices where the docs are silent: `DUPLICATE RECORD` gives `autosequence` and
//! auto-UUID fields fresh values (the copy could not be saved in a unique field
//! otherwise); `GET FIELD PROPERTIES` reports Alpha and Text fields as `Is text`
//! with length 0 (the catalog reader keeps one text type); `Last query plan` and
//! `Last query path` give a one-line description of the last query once
//! `DESCRIBE QUERY EXECUTION(True)` ran, "" otherwise.

use super::db::{
    array_ptr, field_at, fill_array, opt_table, put_set, read_array, set_ok, set_var, table_at,
    table_of_set, val, val_num, val_text,
};
use super::Args;
use crate::cmd;
use crate::datastore::cells::value_to_cell;
use crate::datastore::process::{QueryDest, NEW_RECORD};
use crate::datastore::query::{Conj, QOp, QueryLine};
use crate::datastore::structure::FieldType;
use crate::runtime::error::{codes, err, RtResult};
use crate::runtime::interp::Interp;
use crate::runtime::value::{text, Ptr, Value, VarType};
use std::collections::BTreeSet;

const ALL: u32 = u32::MAX;

pub static COMMANDS: &[super::CommandDef] = &[
    cmd!("SET QUERY DESTINATION", set_query_destination, refs = ALL),
    cmd!("SET QUERY LIMIT", set_query_limit, refs = ALL),
    cmd!(
        "DESCRIBE QUERY EXECUTION",
        describe_query_execution,
        refs = ALL
    ),
    cmd!("Last query plan", last_query_plan, refs = ALL),
    cmd!("Last query path", last_query_path, refs = ALL),
    cmd!(
        "LONGINT ARRAY FROM SELECTION",
        longint_array_from_selection,
        refs = ALL
    ),
    cmd!("CREATE SET FROM ARRAY", create_set_from_array, refs = ALL),
    cmd!("COPY SET", copy_set, refs = ALL),
    cmd!(
        "QUERY SELECTION WITH ARRAY",
        query_selection_with_array,
        refs = ALL
    ),
    cmd!("DUPLICATE RECORD", duplicate_record, refs = ALL),
    cmd!("Modified record", modified_record, refs = ALL),
    cmd!("Is new record", is_new_record, refs = ALL),
    cmd!("PUSH RECORD", push_record, refs = ALL),
    cmd!("POP RECORD", pop_record, refs = ALL),
    cmd!("PREVIOUS RECORD", previous_record, refs = ALL),
    cmd!("Before selection", before_selection, refs = ALL),
    cmd!("Sequence number", sequence_number, refs = ALL),
    cmd!("GET FIELD PROPERTIES", get_field_properties, refs = ALL),
    cmd!("Current default table", current_default_table),
    cmd!("NO DEFAULT TABLE", no_default_table),
    cmd!("Is record loaded", is_record_loaded, refs = ALL),
    cmd!("TRUNCATE TABLE", truncate_table, refs = ALL),
    cmd!("GET TABLE TITLES", get_table_titles, refs = ALL),
    cmd!("GET FIELD TITLES", get_field_titles, refs = ALL),
    // the loops QUERY BY FORMULA / ORDER BY FORMULA are compiled to
    cmd!("_fourd scan begin", scan_begin, refs = ALL),
    cmd!("_fourd scan more", scan_more, refs = ALL),
    cmd!("_fourd scan keep", scan_keep, refs = ALL),
    cmd!("_fourd scan key", scan_key, refs = ALL),
    cmd!("_fourd scan query end", scan_query_end, refs = ALL),
    cmd!("_fourd scan order end", scan_order_end, refs = ALL),
];

// ------------------------------------------------------- query destination

fn set_query_destination(it: &mut Interp, a: &mut Args) -> RtResult<Value> {
    let kind = val_num(it, a, 0, "SET QUERY DESTINATION")? as i64;
    let name = |it: &Interp| -> RtResult<String> {
        if a.len() < 2 {
            return err(
                codes::BAD_ARG,
                "SET QUERY DESTINATION: a destination name is expected",
            );
        }
        val_text(it, a, 1, "SET QUERY DESTINATION")
    };
    it.db.query_dest = match kind {
        0 => QueryDest::Selection,
        1 => QueryDest::Set(name(it)?),
        2 => QueryDest::Named(name(it)?),
        3 => match a.get(1) {
            p @ Value::Pointer(_) => QueryDest::Count(p.clone()),
            _ => {
                return err(
                    codes::BAD_ARG,
                    "SET QUERY DESTINATION: Into variable needs a variable",
                )
            }
        },
        _ => {
            return err(
                codes::BAD_ARG,
                format!("SET QUERY DESTINATION: unknown destination type {}", kind),
            )
        }
    };
    Ok(Value::Undefined)
}

fn set_query_limit(it: &mut Interp, a: &mut Args) -> RtResult<Value> {
    let n = val_num(it, a, 0, "SET QUERY LIMIT")?;
    it.db.query_limit = if n > 0.0 { n as usize } else { 0 };
    Ok(Value::Undefined)
}

/// Gives the records a query of table `ti` found to the process's query
/// destination (after `SET QUERY LIMIT`): the current selection, a set, a named
/// selection or a variable (the number found). Every query command ends here.
pub(super) fn deliver(it: &mut Interp, ti: usize, mut sel: Vec<i64>) -> RtResult<()> {
    if it.db.query_limit > 0 {
        sel.truncate(it.db.query_limit);
    }
    describe(it, ti, sel.len());
    match it.db.query_dest.clone() {
        QueryDest::Selection => it.db.set_selection(ti, sel),
        QueryDest::Set(name) => {
            put_set(it, &name, ti, sel.into_iter().collect());
            Ok(())
        }
        QueryDest::Named(name) => {
            it.db.named.insert(
                name.to_lowercase(),
                crate::datastore::process::NamedSel { ti, sel, pos: 0 },
            );
            Ok(())
        }
        QueryDest::Count(Value::Pointer(p)) => it.store_ptr(&p, Value::Int(sel.len() as i32)),
        QueryDest::Count(_) => Ok(()),
    }
}

// --------------------------------------------------------- query description

thread_local! {
    /// `DESCRIBE QUERY EXECUTION` on, and the description of the last query.
    static DESCRIPTION: std::cell::RefCell<(bool, String)> =
        const { std::cell::RefCell::new((false, String::new())) };
}

fn describe(it: &Interp, ti: usize, found: usize) {
    DESCRIPTION.with(|d| {
        let mut d = d.borrow_mut();
        if d.0 {
            let name = it
                .db
                .structure()
                .map(|s| s.tables[ti].name.clone())
                .unwrap_or_default();
            d.1 = format!("[{}]: {} records found (sequential)", name, found);
        }
    });
}

fn describe_query_execution(it: &mut Interp, a: &mut Args) -> RtResult<Value> {
    let on = val(it, a, 0)?.truthy();
    DESCRIPTION.with(|d| *d.borrow_mut() = (on, String::new()));
    Ok(Value::Undefined)
}

fn last_query_text() -> Value {
    DESCRIPTION.with(|d| {
        let d = d.borrow();
        text(if d.0 { d.1.clone() } else { String::new() })
    })
}

fn last_query_plan(_: &mut Interp, _: &mut Args) -> RtResult<Value> {
    Ok(last_query_text())
}

fn last_query_path(_: &mut Interp, _: &mut Args) -> RtResult<Value> {
    Ok(last_query_text())
}

// ------------------------------------------------------ record-number arrays

fn longint_array_from_selection(it: &mut Interp, a: &mut Args) -> RtResult<Value> {
    let (ti, next) = opt_table(it, a, "LONGINT ARRAY FROM SELECTION")?;
    let p = array_ptr(a, next, "LONGINT ARRAY FROM SELECTION")?;
    let sel = if a.len() > next + 1 {
        let name = val_text(it, a, next + 1, "LONGINT ARRAY FROM SELECTION")?;
        match it.db.named.get(&name.to_lowercase()) {
            Some(n) => n.sel.clone(),
            None => {
                return err(
                    codes::BAD_ARG,
                    format!(
                        "LONGINT ARRAY FROM SELECTION: the named selection \"{}\" does not exist",
                        name
                    ),
                )
            }
        }
    } else {
        it.db.tables[ti].sel.clone()
    };
    let vals = sel.into_iter().map(|r| Value::Int(r as i32)).collect();
    fill_array(it, &p, VarType::Integer, vals)?;
    Ok(Value::Undefined)
}

fn create_set_from_array(it: &mut Interp, a: &mut Args) -> RtResult<Value> {
    let (ti, next) = opt_table(it, a, "CREATE SET FROM ARRAY")?;
    let p = array_ptr(a, next, "CREATE SET FROM ARRAY")?;
    let name = if a.len() > next + 1 {
        val_text(it, a, next + 1, "CREATE SET FROM ARRAY")?
    } else {
        "UserSet".to_string()
    };
    let all: BTreeSet<i64> = it.db.all_records(ti)?.into_iter().collect();
    let (is_bool, elems) = match it.deref_raw(&p)? {
        Value::Array(arr) => {
            let arr = arr.borrow();
            (arr.elem == VarType::Boolean, arr.elems.clone())
        }
        _ => {
            return err(
                codes::NOT_ARRAY,
                "CREATE SET FROM ARRAY: an array is expected",
            )
        }
    };
    let mut recs = BTreeSet::new();
    let mut bad = false;
    if is_bool {
        // a Boolean array: element N (from element 0) stands for record number N
        for (rn, v) in elems.iter().enumerate() {
            if v.truthy() && all.contains(&(rn as i64)) {
                recs.insert(rn as i64);
            }
        }
    } else {
        for v in elems.iter().skip(1) {
            let rn = v.as_num().unwrap_or(-1.0) as i64;
            if all.contains(&rn) {
                recs.insert(rn);
            } else {
                bad = true;
            }
        }
    }
    put_set(it, &name, ti, recs);
    if bad {
        return err(
            -10503,
            "CREATE SET FROM ARRAY: a record number does not exist",
        );
    }
    Ok(Value::Undefined)
}

fn copy_set(it: &mut Interp, a: &mut Args) -> RtResult<Value> {
    let src = val_text(it, a, 0, "COPY SET")?;
    let dst = val_text(it, a, 1, "COPY SET")?;
    table_of_set(it, &src, "COPY SET")?;
    let s = it.db.sets[&src.to_lowercase()].clone();
    it.db.sets.insert(dst.to_lowercase(), s);
    Ok(Value::Undefined)
}

fn query_selection_with_array(it: &mut Interp, a: &mut Args) -> RtResult<Value> {
    let cmd = "QUERY SELECTION WITH ARRAY";
    let (ti, fi) = field_at(it, a, 0, cmd)?;
    let p = array_ptr(a, 1, cmd)?;
    let ty = it.db.field_type(ti, fi);
    let mut lines = Vec::new();
    for v in read_array(it, &p, cmd)? {
        lines.push(QueryLine {
            conj: if lines.is_empty() {
                Conj::First
            } else {
                Conj::Or
            },
            fi,
            op: QOp::Eq,
            value: value_to_cell(v, ty)?,
        });
    }
    let sel = if lines.is_empty() {
        Vec::new()
    } else {
        it.db.query(ti, &lines, true)?
    };
    deliver(it, ti, sel)?;
    set_ok(it, true);
    Ok(Value::Undefined)
}

// ------------------------------------------------------------ current record

fn duplicate_record(it: &mut Interp, a: &mut Args) -> RtResult<Value> {
    let (ti, _) = opt_table(it, a, "DUPLICATE RECORD")?;
    let Some(cur) = it.db.tables[ti].cur.clone() else {
        return Ok(Value::Undefined);
    };
    it.db.create(ti)?;
    let fresh: Vec<bool> = it
        .db
        .structure()
        .map(|s| {
            s.tables[ti]
                .fields
                .iter()
                .map(|f| f.auto_seq || f.auto_uuid)
                .collect()
        })
        .unwrap_or_default();
    if let Some(c) = &mut it.db.tables[ti].cur {
        for (i, v) in cur.vals.into_iter().enumerate() {
            if !fresh.get(i).copied().unwrap_or(false) && i < c.vals.len() {
                c.vals[i] = v;
            }
        }
    }
    Ok(Value::Undefined)
}

fn modified_record(it: &mut Interp, a: &mut Args) -> RtResult<Value> {
    let (ti, _) = opt_table(it, a, "Modified record")?;
    Ok(Value::Bool(matches!(
        &it.db.tables[ti].cur,
        Some(c) if c.modified || c.rn == NEW_RECORD
    )))
}

fn is_new_record(it: &mut Interp, a: &mut Args) -> RtResult<Value> {
    let (ti, _) = opt_table(it, a, "Is new record")?;
    Ok(Value::Bool(matches!(
        &it.db.tables[ti].cur,
        Some(c) if c.rn == NEW_RECORD
    )))
}

thread_local! {
    /// The record stack of `PUSH RECORD` (table index and record), per thread:
    /// processes of one run share the interpreter thread, so the stack is keyed
    /// by process id too.
    static PUSHED: std::cell::RefCell<Vec<(u32, usize, crate::datastore::process::CurRec)>> =
        const { std::cell::RefCell::new(Vec::new()) };
}

fn push_record(it: &mut Interp, a: &mut Args) -> RtResult<Value> {
    let (ti, _) = opt_table(it, a, "PUSH RECORD")?;
    if let Some(c) = it.db.tables[ti].cur.clone() {
        let pid = it.db.owner.pid;
        PUSHED.with(|s| s.borrow_mut().push((pid, ti, c)));
    }
    Ok(Value::Undefined)
}

fn pop_record(it: &mut Interp, a: &mut Args) -> RtResult<Value> {
    let (ti, _) = opt_table(it, a, "POP RECORD")?;
    let pid = it.db.owner.pid;
    let popped = PUSHED.with(|s| {
        let mut s = s.borrow_mut();
        let i = s.iter().rposition(|(p, t, _)| *p == pid && *t == ti)?;
        Some(s.remove(i).2)
    });
    if let Some(mut c) = popped {
        c.modified = true;
        // the popped record becomes current with the values it had when pushed
        if c.rn >= 0 {
            let pos = it.db.tables[ti].sel.iter().position(|&r| r == c.rn);
            if let Some(pos) = pos {
                it.db.goto_pos(ti, pos)?;
            }
        }
        it.db.tables[ti].cur = Some(c);
    }
    Ok(Value::Undefined)
}

fn previous_record(it: &mut Interp, a: &mut Args) -> RtResult<Value> {
    let (ti, _) = opt_table(it, a, "PREVIOUS RECORD")?;
    let t = &it.db.tables[ti];
    if t.sel.is_empty() {
        return Ok(Value::Undefined);
    }
    // before the first record: Before selection becomes True, no current record
    let pos = t.pos.min(t.sel.len());
    if pos == 0 {
        let n = t.sel.len();
        it.db.goto_pos(ti, n)?;
        it.db.tables[ti].before = true;
    } else {
        it.db.goto_pos(ti, pos - 1)?;
    }
    Ok(Value::Undefined)
}

fn before_selection(it: &mut Interp, a: &mut Args) -> RtResult<Value> {
    let (ti, _) = opt_table(it, a, "Before selection")?;
    let t = &it.db.tables[ti];
    Ok(Value::Bool(t.sel.is_empty() || t.before))
}

fn sequence_number(it: &mut Interp, a: &mut Args) -> RtResult<Value> {
    let (ti, _) = opt_table(it, a, "Sequence number")?;
    Ok(Value::Int(it.db.next_sequence(ti)? as i32))
}

fn current_default_table(it: &mut Interp, _: &mut Args) -> RtResult<Value> {
    let num = match (it.db.default_table, it.db.structure()) {
        (Some(ti), Some(s)) => Some(s.tables[ti].num),
        _ => None,
    };
    Ok(match num {
        Some(n) => Value::Pointer(std::rc::Rc::new(Ptr::Table(n))),
        None => Value::Pointer(std::rc::Rc::new(Ptr::Nil)),
    })
}

fn no_default_table(it: &mut Interp, _: &mut Args) -> RtResult<Value> {
    it.db.default_table = None;
    Ok(Value::Undefined)
}

/// True when the table has a current record (a new one too).
fn is_record_loaded(it: &mut Interp, a: &mut Args) -> RtResult<Value> {
    let (ti, _) = opt_table(it, a, "Is record loaded")?;
    Ok(Value::Bool(it.db.tables[ti].cur.is_some()))
}

fn truncate_table(it: &mut Interp, a: &mut Args) -> RtResult<Value> {
    let (ti, _) = opt_table(it, a, "TRUNCATE TABLE")?;
    let all = it.db.all_records(ti)?;
    it.db.set_selection(ti, all)?;
    it.db.delete_selection(ti)?;
    let ok = it.db.records_in_table(ti)? == 0;
    set_ok(it, ok);
    Ok(Value::Undefined)
}

/// `GET TABLE TITLES(titles; numbers)`: the tables' names and numbers (fourd
/// has no `SET TABLE TITLES` aliases, so the names are those of the structure).
fn get_table_titles(it: &mut Interp, a: &mut Args) -> RtResult<Value> {
    let cmd = "GET TABLE TITLES";
    let (names, nums): (Vec<Value>, Vec<Value>) = match it.db.structure() {
        Some(s) => s
            .tables
            .iter()
            .map(|t| (text(t.name.clone()), Value::Int(t.num as i32)))
            .unzip(),
        None => (Vec::new(), Vec::new()),
    };
    let p = array_ptr(a, 0, cmd)?;
    fill_array(it, &p, VarType::Text, names)?;
    let p = array_ptr(a, 1, cmd)?;
    fill_array(it, &p, VarType::Integer, nums)?;
    Ok(Value::Undefined)
}

/// `GET FIELD TITLES(table; titles; numbers)`: the fields' names and numbers.
fn get_field_titles(it: &mut Interp, a: &mut Args) -> RtResult<Value> {
    let cmd = "GET FIELD TITLES";
    let Some(t) = table_at(it, a, 0) else {
        return err(codes::BAD_ARG, "GET FIELD TITLES: a table is expected");
    };
    let ti = it.db.ti(t)?;
    let (names, nums): (Vec<Value>, Vec<Value>) = match it.db.structure() {
        Some(s) => s.tables[ti]
            .fields
            .iter()
            .map(|f| (text(f.name.clone()), Value::Int(f.num as i32)))
            .unzip(),
        None => (Vec::new(), Vec::new()),
    };
    let p = array_ptr(a, 1, cmd)?;
    fill_array(it, &p, VarType::Text, names)?;
    let p = array_ptr(a, 2, cmd)?;
    fill_array(it, &p, VarType::Integer, nums)?;
    Ok(Value::Undefined)
}

/// 4D's type code of a field (`Is text`, `Is longint`...).
fn field_type_code(ty: FieldType) -> i32 {
    match ty {
        FieldType::Bool => 6,
        FieldType::Int16 => 8,
        FieldType::Int => 9,
        FieldType::Int64 => 25,
        FieldType::Real => 1,
        FieldType::Date => 4,
        FieldType::Time => 11,
        FieldType::Text => 2,
        FieldType::Picture => 3,
        FieldType::Blob => 30,
        FieldType::Object => 38,
    }
}

fn get_field_properties(it: &mut Interp, a: &mut Args) -> RtResult<Value> {
    let cmd = "GET FIELD PROPERTIES";
    // (field pointer | table number; field number); type; length; indexed; unique; invisible
    let (ti, fi, next) =
        if table_at(it, a, 0).is_none() && !matches!(val(it, a, 0)?, Value::Pointer(_)) {
            let t = val_num(it, a, 0, cmd)? as u32;
            let f = val_num(it, a, 1, cmd)? as u32;
            let (ti, fi) = it.db.tfi(t, f)?;
            (ti, fi, 2)
        } else {
            let (ti, fi) = field_at(it, a, 0, cmd)?;
            (ti, fi, 1)
        };
    let (ty, indexed, unique) = match it.db.structure() {
        Some(s) => {
            let f = &s.tables[ti].fields[fi];
            (f.ty, f.indexed, f.unique)
        }
        None => return crate::datastore::process::no_db(),
    };
    let outs = [
        Value::Int(field_type_code(ty)),
        Value::Int(0),
        Value::Bool(indexed),
        Value::Bool(unique),
        Value::Bool(false),
    ];
    for (k, v) in outs.into_iter().enumerate() {
        if next + k < a.len() {
            set_var(it, a, next + k, v)?;
        }
    }
    Ok(Value::Undefined)
}

// ------------------------------------------- QUERY BY FORMULA, ORDER BY FORMULA

/// One scan in progress: the process, the selection and position it started
/// from, and the records kept with their sort keys.
struct Scan {
    pid: u32,
    start: (Vec<i64>, usize),
    rows: Vec<(i64, Vec<(Value, bool)>)>,
}

thread_local! {
    /// The scans in progress (`QUERY BY FORMULA`, `ORDER BY FORMULA`); processes
    /// share the interpreter thread, so each scan names its process.
    static SCANS: std::cell::RefCell<Vec<Scan>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// `_fourd scan begin(table; from selection)`: the records to look at become the
/// selection (all records, or the current selection) and the first is loaded.
fn scan_begin(it: &mut Interp, a: &mut Args) -> RtResult<Value> {
    let (ti, next) = opt_table(it, a, "QUERY BY FORMULA")?;
    let in_sel = val(it, a, next)?.truthy();
    let start = (it.db.tables[ti].sel.clone(), it.db.tables[ti].pos);
    let recs = if in_sel {
        start.0.clone()
    } else {
        it.db.all_records(ti)?
    };
    it.db.set_selection(ti, recs)?;
    let pid = it.db.owner.pid;
    SCANS.with(|s| {
        s.borrow_mut().push(Scan {
            pid,
            start,
            rows: Vec::new(),
        })
    });
    Ok(Value::Undefined)
}

fn scan_more(it: &mut Interp, a: &mut Args) -> RtResult<Value> {
    let (ti, _) = opt_table(it, a, "QUERY BY FORMULA")?;
    let t = &it.db.tables[ti];
    Ok(Value::Bool(t.pos < t.sel.len()))
}

fn scan_push(it: &mut Interp, ti: usize, keys: Option<Vec<(Value, bool)>>) -> RtResult<()> {
    let rn = it.db.record_number(ti);
    let pid = it.db.owner.pid;
    if let Some(keys) = keys {
        SCANS.with(|s| {
            if let Some(sc) = s.borrow_mut().iter_mut().rev().find(|sc| sc.pid == pid) {
                sc.rows.push((rn, keys));
            }
        });
    }
    let pos = it.db.tables[ti].pos + 1;
    it.db.goto_pos(ti, pos)
}

/// `_fourd scan keep(table; condition)`: keeps the current record when the
/// condition is True, then moves to the next one.
fn scan_keep(it: &mut Interp, a: &mut Args) -> RtResult<Value> {
    let (ti, next) = opt_table(it, a, "QUERY BY FORMULA")?;
    let keep = match val(it, a, next)? {
        Value::Bool(b) => b,
        Value::Undefined => false,
        v => {
            return err(
                codes::TYPE_MISMATCH,
                format!(
                    "QUERY BY FORMULA: the formula must give a Boolean, got {}",
                    v.type_name()
                ),
            )
        }
    };
    scan_push(it, ti, keep.then(Vec::new))?;
    Ok(Value::Undefined)
}

/// `_fourd scan key(table; value; ">"|"<"; ...)`: records the sort keys of the
/// current record, then moves to the next one.
fn scan_key(it: &mut Interp, a: &mut Args) -> RtResult<Value> {
    let (ti, next) = opt_table(it, a, "ORDER BY FORMULA")?;
    let mut keys: Vec<(Value, bool)> = Vec::new();
    for i in next..a.len() {
        match val(it, a, i)? {
            Value::Text(t) if t.as_str() == ">" && !keys.is_empty() => {
                if let Some(k) = keys.last_mut() {
                    k.1 = true;
                }
            }
            Value::Text(t) if t.as_str() == "<" && !keys.is_empty() => {
                if let Some(k) = keys.last_mut() {
                    k.1 = false;
                }
            }
            v => keys.push((v, true)),
        }
    }
    scan_push(it, ti, Some(keys))?;
    Ok(Value::Undefined)
}

fn take_scan(it: &Interp) -> Option<Scan> {
    let pid = it.db.owner.pid;
    SCANS.with(|s| {
        let mut s = s.borrow_mut();
        let i = s.iter().rposition(|sc| sc.pid == pid)?;
        Some(s.remove(i))
    })
}

/// `_fourd scan query end(table)`: the kept records go to the query
/// destination; when that is not the current selection, the selection and
/// current record the scan started from come back.
fn scan_query_end(it: &mut Interp, a: &mut Args) -> RtResult<Value> {
    let (ti, _) = opt_table(it, a, "QUERY BY FORMULA")?;
    let Some(scan) = take_scan(it) else {
        return Ok(Value::Undefined);
    };
    if !matches!(it.db.query_dest, QueryDest::Selection) {
        let (sel, pos) = scan.start;
        it.db.set_selection(ti, sel)?;
        it.db.goto_pos(ti, pos)?;
    }
    deliver(it, ti, scan.rows.into_iter().map(|(r, _)| r).collect())?;
    set_ok(it, true);
    Ok(Value::Undefined)
}

/// `_fourd scan order end(table)`: sorts the scanned selection by its keys
/// (a stable sort: equal keys keep their order).
fn scan_order_end(it: &mut Interp, a: &mut Args) -> RtResult<Value> {
    let (ti, _) = opt_table(it, a, "ORDER BY FORMULA")?;
    let Some(scan) = take_scan(it) else {
        return Ok(Value::Undefined);
    };
    let mut rows = scan.rows;
    rows.sort_by(|x, y| {
        for (kx, ky) in x.1.iter().zip(&y.1) {
            let o = super::collection::compare_values(&kx.0, &ky.0);
            let o = if kx.1 { o } else { o.reverse() };
            if o != std::cmp::Ordering::Equal {
                return o;
            }
        }
        std::cmp::Ordering::Equal
    });
    let sel = rows.into_iter().map(|(r, _)| r).collect();
    it.db.set_selection(ti, sel)?;
    set_ok(it, true);
    Ok(Value::Undefined)
}
