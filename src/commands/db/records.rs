//! Records and selections: `CREATE`/`SAVE`/`DELETE`/`LOAD`/`UNLOAD RECORD`, `ALL RECORDS`,
//! `QUERY`, `QUERY SELECTION`, `QUERY WITH ARRAY`, `ORDER BY`, the navigation commands and
//! the loop `APPLY TO SELECTION` is compiled to.

use super::args::*;
use crate::commands::Args;
use crate::datastore::cells::value_to_cell;
use crate::datastore::codes as dbc;
use crate::datastore::query::{Conj, QOp, QueryLine};
use crate::runtime::error::{codes, err, RtResult};
use crate::runtime::interp::Interp;
use crate::runtime::value::{Ptr, Value};
use std::collections::BTreeSet;

pub(super) fn create_record(it: &mut Interp, a: &mut Args) -> RtResult<Value> {
    let (ti, _) = opt_table(it, a, "CREATE RECORD")?;
    it.db.create(ti)?;
    Ok(Value::Undefined)
}

pub(super) fn save_record(it: &mut Interp, a: &mut Args) -> RtResult<Value> {
    let (ti, _) = opt_table(it, a, "SAVE RECORD")?;
    it.db.save(ti)?;
    Ok(Value::Undefined)
}

pub(super) fn delete_record(it: &mut Interp, a: &mut Args) -> RtResult<Value> {
    let (ti, _) = opt_table(it, a, "DELETE RECORD")?;
    it.db.delete_current(ti)?;
    Ok(Value::Undefined)
}

pub(super) fn load_record(it: &mut Interp, a: &mut Args) -> RtResult<Value> {
    let (ti, _) = opt_table(it, a, "LOAD RECORD")?;
    it.db.load_record(ti)?;
    Ok(Value::Undefined)
}

pub(super) fn unload_record(it: &mut Interp, a: &mut Args) -> RtResult<Value> {
    let (ti, _) = opt_table(it, a, "UNLOAD RECORD")?;
    it.db.unload(ti)?;
    Ok(Value::Undefined)
}

pub(super) fn all_records(it: &mut Interp, a: &mut Args) -> RtResult<Value> {
    let (ti, _) = opt_table(it, a, "ALL RECORDS")?;
    let all = it.db.all_records(ti)?;
    it.db.set_selection(ti, all)?;
    Ok(Value::Undefined)
}

/// Decodes `{conj;} criterion` from parameter `i` on.
pub(super) fn query_lines(
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

pub(super) fn run_query(
    it: &mut Interp,
    a: &mut Args,
    in_selection: bool,
    cmd: &str,
) -> RtResult<Value> {
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
    crate::commands::dbmore::deliver(it, ti, sel)?;
    set_ok(it, true);
    Ok(Value::Undefined)
}

pub(super) fn query(it: &mut Interp, a: &mut Args) -> RtResult<Value> {
    run_query(it, a, false, "QUERY")
}

pub(super) fn query_selection(it: &mut Interp, a: &mut Args) -> RtResult<Value> {
    run_query(it, a, true, "QUERY SELECTION")
}

pub(super) fn query_with_array(it: &mut Interp, a: &mut Args) -> RtResult<Value> {
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
    crate::commands::dbmore::deliver(it, ti, sel).map(|_| Value::Undefined)
}

pub(super) fn order_by(it: &mut Interp, a: &mut Args) -> RtResult<Value> {
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

pub(super) fn first_record(it: &mut Interp, a: &mut Args) -> RtResult<Value> {
    let (ti, _) = opt_table(it, a, "FIRST RECORD")?;
    it.db.goto_pos(ti, 0)?;
    Ok(Value::Undefined)
}

pub(super) fn next_record(it: &mut Interp, a: &mut Args) -> RtResult<Value> {
    let (ti, _) = opt_table(it, a, "NEXT RECORD")?;
    let pos = it.db.tables[ti].pos;
    it.db.goto_pos(ti, pos + 1)?;
    Ok(Value::Undefined)
}

pub(super) fn last_record(it: &mut Interp, a: &mut Args) -> RtResult<Value> {
    let (ti, _) = opt_table(it, a, "LAST RECORD")?;
    let n = it.db.tables[ti].sel.len();
    it.db.goto_pos(ti, n.saturating_sub(1))?;
    Ok(Value::Undefined)
}

pub(super) fn goto_record(it: &mut Interp, a: &mut Args) -> RtResult<Value> {
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

pub(super) fn goto_selected_record(it: &mut Interp, a: &mut Args) -> RtResult<Value> {
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

pub(super) fn end_selection(it: &mut Interp, a: &mut Args) -> RtResult<Value> {
    let (ti, _) = opt_table(it, a, "End selection")?;
    let t = &it.db.tables[ti];
    Ok(Value::Bool(t.pos >= t.sel.len()))
}

pub(super) fn records_in_selection(it: &mut Interp, a: &mut Args) -> RtResult<Value> {
    let (ti, _) = opt_table(it, a, "Records in selection")?;
    Ok(Value::Int(it.db.tables[ti].sel.len() as i32))
}

pub(super) fn selected_record_number(it: &mut Interp, a: &mut Args) -> RtResult<Value> {
    let (ti, _) = opt_table(it, a, "Selected record number")?;
    let t = &it.db.tables[ti];
    let new = matches!(&t.cur, Some(c) if c.rn < 0);
    Ok(Value::Int(if t.pos < t.sel.len() && !new {
        t.pos as i32 + 1
    } else {
        0
    }))
}

pub(super) fn record_number(it: &mut Interp, a: &mut Args) -> RtResult<Value> {
    let (ti, _) = opt_table(it, a, "Record number")?;
    Ok(Value::Int(it.db.record_number(ti) as i32))
}

pub(super) fn reduce_selection(it: &mut Interp, a: &mut Args) -> RtResult<Value> {
    let (ti, next) = opt_table(it, a, "REDUCE SELECTION")?;
    let n = val_num(it, a, next, "REDUCE SELECTION")?.max(0.0) as usize;
    let mut sel = it.db.tables[ti].sel.clone();
    sel.truncate(n);
    it.db.set_selection(ti, sel)?;
    Ok(Value::Undefined)
}

pub(super) fn one_record_select(it: &mut Interp, a: &mut Args) -> RtResult<Value> {
    let (ti, _) = opt_table(it, a, "ONE RECORD SELECT")?;
    let rn = it.db.record_number(ti);
    if rn >= 0 {
        it.db.set_selection(ti, vec![rn])?;
    }
    Ok(Value::Undefined)
}

pub(super) fn delete_selection(it: &mut Interp, a: &mut Args) -> RtResult<Value> {
    let (ti, _) = opt_table(it, a, "DELETE SELECTION")?;
    it.db.delete_selection(ti)?;
    Ok(Value::Undefined)
}

// --------------------------------------------------------- APPLY TO SELECTION

pub(super) fn apply_begin(it: &mut Interp, a: &mut Args) -> RtResult<Value> {
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

pub(super) fn apply_more(it: &mut Interp, a: &mut Args) -> RtResult<Value> {
    let (ti, _) = opt_table(it, a, "APPLY TO SELECTION")?;
    let t = &it.db.tables[ti];
    Ok(Value::Bool(t.pos < t.sel.len()))
}

pub(super) fn apply_next(it: &mut Interp, a: &mut Args) -> RtResult<Value> {
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
