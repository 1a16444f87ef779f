//! Sets and named selections: `CREATE SET`, `USE SET`, `ADD TO SET`, `UNION`,
//! `INTERSECTION`, `DIFFERENCE`, `CLEAR SET`, `Records in set`, `Is in set`, and
//! `COPY`/`CUT`/`USE`/`CLEAR NAMED SELECTION`.

use super::args::*;
use crate::commands::Args;
use crate::runtime::error::{codes, err, RtResult};
use crate::runtime::interp::Interp;
use crate::runtime::value::Value;
use std::collections::BTreeSet;

pub(in crate::commands) fn put_set(it: &mut Interp, name: &str, ti: usize, recs: BTreeSet<i64>) {
    it.db.sets.insert(
        name.to_lowercase(),
        crate::datastore::process::SetData { ti, recs },
    );
}

pub(super) fn create_set(it: &mut Interp, a: &mut Args) -> RtResult<Value> {
    let (ti, next) = opt_table(it, a, "CREATE SET")?;
    let name = val_text(it, a, next, "CREATE SET")?;
    let recs = it.db.tables[ti].sel.iter().copied().collect();
    put_set(it, &name, ti, recs);
    Ok(Value::Undefined)
}

pub(super) fn create_empty_set(it: &mut Interp, a: &mut Args) -> RtResult<Value> {
    let (ti, next) = opt_table(it, a, "CREATE EMPTY SET")?;
    let name = val_text(it, a, next, "CREATE EMPTY SET")?;
    put_set(it, &name, ti, BTreeSet::new());
    Ok(Value::Undefined)
}

pub(super) fn use_set(it: &mut Interp, a: &mut Args) -> RtResult<Value> {
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

pub(super) fn add_to_set(it: &mut Interp, a: &mut Args) -> RtResult<Value> {
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

pub(super) fn remove_from_set(it: &mut Interp, a: &mut Args) -> RtResult<Value> {
    let (ti, next) = opt_table(it, a, "REMOVE FROM SET")?;
    let name = val_text(it, a, next, "REMOVE FROM SET")?;
    let rn = it.db.record_number(ti);
    if let Some(s) = it.db.sets.get_mut(&name.to_lowercase()) {
        s.recs.remove(&rn);
    }
    Ok(Value::Undefined)
}

pub(super) fn set_op(
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

pub(super) fn union(it: &mut Interp, a: &mut Args) -> RtResult<Value> {
    set_op(it, a, "UNION", |x, y| x.union(y).copied().collect())
}

pub(super) fn intersection(it: &mut Interp, a: &mut Args) -> RtResult<Value> {
    set_op(it, a, "INTERSECTION", |x, y| {
        x.intersection(y).copied().collect()
    })
}

pub(super) fn difference(it: &mut Interp, a: &mut Args) -> RtResult<Value> {
    set_op(it, a, "DIFFERENCE", |x, y| {
        x.difference(y).copied().collect()
    })
}

pub(super) fn clear_set(it: &mut Interp, a: &mut Args) -> RtResult<Value> {
    let name = val_text(it, a, 0, "CLEAR SET")?;
    it.db.sets.remove(&name.to_lowercase());
    Ok(Value::Undefined)
}

pub(super) fn records_in_set(it: &mut Interp, a: &mut Args) -> RtResult<Value> {
    let name = val_text(it, a, 0, "Records in set")?;
    table_of_set(it, &name, "Records in set")?;
    Ok(Value::Int(
        it.db.sets[&name.to_lowercase()].recs.len() as i32
    ))
}

pub(super) fn is_in_set(it: &mut Interp, a: &mut Args) -> RtResult<Value> {
    let name = val_text(it, a, 0, "Is in set")?;
    let ti = table_of_set(it, &name, "Is in set")?;
    let rn = it.db.record_number(ti);
    Ok(Value::Bool(
        it.db.sets[&name.to_lowercase()].recs.contains(&rn),
    ))
}

// ------------------------------------------------------------ named selections

pub(super) fn copy_named_selection(it: &mut Interp, a: &mut Args) -> RtResult<Value> {
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

pub(super) fn cut_named_selection(it: &mut Interp, a: &mut Args) -> RtResult<Value> {
    copy_named_selection(it, a)?;
    let (ti, _) = opt_table(it, a, "CUT NAMED SELECTION")?;
    it.db.set_selection(ti, Vec::new())?;
    Ok(Value::Undefined)
}

pub(super) fn use_named_selection(it: &mut Interp, a: &mut Args) -> RtResult<Value> {
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

pub(super) fn clear_named_selection(it: &mut Interp, a: &mut Args) -> RtResult<Value> {
    let name = val_text(it, a, 0, "CLEAR NAMED SELECTION")?;
    it.db.named.remove(&name.to_lowercase());
    Ok(Value::Undefined)
}
