//! Shared objects and collections (`New shared object`, `Storage`, `Use`): the side
//! table of locking groups, the write check outside `Use`, the copy of values into a
//! group, and the copy of process parameters.

use super::{ticks, yield_now, State, Weakly, STORAGE_GROUP};
use crate::runtime::error::{codes, err, RtResult};
use crate::runtime::graph::PathGuard;
use crate::runtime::interp::Interp;
use crate::runtime::value::{new_collection, new_object, Coll, Obj, Value};
use std::rc::Rc;
use std::time::Instant;
// ------------------------------------------------------------------ shared values

fn addr_of(v: &Value) -> Option<usize> {
    match v {
        Value::Object(o) => Some(Rc::as_ptr(o) as *const () as usize),
        Value::Collection(c) => Some(Rc::as_ptr(c) as *const () as usize),
        _ => None,
    }
}

/// Whether any object or collection is shared (if not, [`group_of`] is `None` for
/// every value).
#[inline]
pub fn any_shared(it: &Interp) -> bool {
    !it.sched.shared.is_empty()
}

/// The locking group of a shared object or collection.
pub fn group_of(it: &Interp, v: &Value) -> Option<u64> {
    if it.sched.shared.is_empty() {
        return None;
    }
    let (w, g) = it.sched.shared.get(&addr_of(v)?)?;
    let alive = match (w, v) {
        (Weakly::O(w), Value::Object(o)) => std::ptr::eq(w.as_ptr(), Rc::as_ptr(o)),
        (Weakly::C(w), Value::Collection(c)) => std::ptr::eq(w.as_ptr(), Rc::as_ptr(c)),
        _ => false,
    };
    alive.then_some(*g)
}

pub fn is_shared(it: &Interp, v: &Value) -> bool {
    group_of(it, v).is_some()
}

fn register(it: &mut Interp, v: &Value, group: u64) {
    let Some(a) = addr_of(v) else { return };
    let w = match v {
        Value::Object(o) => Weakly::O(Rc::downgrade(o)),
        Value::Collection(c) => Weakly::C(Rc::downgrade(c)),
        _ => return,
    };
    if it.sched.shared.len() > 4096 && it.sched.shared.len().is_power_of_two() {
        it.sched.shared.retain(|_, (w, _)| match w {
            Weakly::O(w) => w.strong_count() > 0,
            Weakly::C(w) => w.strong_count() > 0,
        });
    }
    it.sched.shared.insert(a, (w, group));
}

fn new_group(it: &mut Interp) -> u64 {
    it.sched.next_group += 1;
    it.sched.next_group
}

/// A new, empty shared object (its own group).
pub fn new_shared_object(it: &mut Interp) -> Obj {
    let o = new_object();
    let g = new_group(it);
    register(it, &Value::Object(o.clone()), g);
    o
}

pub fn new_shared_collection(it: &mut Interp) -> Coll {
    let c = new_collection(Vec::new());
    let g = new_group(it);
    register(it, &Value::Collection(c.clone()), g);
    c
}

/// `Storage`: the shared object of the run.
pub fn storage(it: &mut Interp) -> Obj {
    if let Some(s) = &it.sched.storage {
        return s.clone();
    }
    let o = new_object();
    register(it, &Value::Object(o.clone()), STORAGE_GROUP);
    it.sched.storage = Some(o.clone());
    o
}

/// A value made fit to be stored in a shared object of group `group`: scalars as
/// they are; a non-shared object or collection becomes a shared copy in `group`;
/// a shared one joins `group` (except under `Storage`, whose members keep
/// their own group).
/// An object or collection that contains itself is error 48 (runtime::graph).
pub fn to_shared(it: &mut Interp, v: Value, group: u64) -> RtResult<Value> {
    to_shared_walk(it, v, group, &mut PathGuard::new("shared copy"))
}

fn to_shared_walk(it: &mut Interp, v: Value, group: u64, guard: &mut PathGuard) -> RtResult<Value> {
    match &v {
        Value::Object(_) | Value::Collection(_) => {}
        _ => return Ok(v),
    }
    let target = if group == STORAGE_GROUP {
        None
    } else {
        Some(group)
    };
    if let Some(g) = group_of(it, &v) {
        if let Some(t) = target {
            if g != t && g != STORAGE_GROUP {
                regroup(it, &v, g, t);
            }
        }
        return Ok(v);
    }
    let g = match target {
        Some(t) => t,
        None => new_group(it),
    };
    guard.enter(&v)?;
    let copy = match &v {
        Value::Object(o) => {
            let n = new_object();
            register(it, &Value::Object(n.clone()), g);
            let items: Vec<(Rc<str>, Value)> = o
                .borrow()
                .iter()
                .map(|(k, v)| (k.clone(), v.clone()))
                .collect();
            for (k, x) in items {
                let x = to_shared_walk(it, x, g, guard)?;
                n.borrow_mut().insert(k, x);
            }
            Value::Object(n)
        }
        Value::Collection(c) => {
            let n = new_collection(Vec::new());
            register(it, &Value::Collection(n.clone()), g);
            let items: Vec<Value> = c.borrow().clone();
            for x in items {
                let x = to_shared_walk(it, x, g, guard)?;
                n.borrow_mut().push(x);
            }
            Value::Collection(n)
        }
        _ => unreachable!("an object or a collection"),
    };
    guard.leave(&v);
    Ok(copy)
}

fn regroup(it: &mut Interp, v: &Value, from: u64, to: u64) {
    if group_of(it, v) != Some(from) {
        return;
    }
    if let Some(a) = addr_of(v) {
        if let Some(entry) = it.sched.shared.get_mut(&a) {
            entry.1 = to;
        }
    }
    let children: Vec<Value> = match v {
        Value::Object(o) => o.borrow().values().cloned().collect(),
        Value::Collection(c) => c.borrow().clone(),
        _ => Vec::new(),
    };
    for c in &children {
        regroup(it, c, from, to);
    }
}

/// Before writing into `target`: an error if it is shared and its group is not
/// locked by the current process (`Use`).
pub fn check_write(it: &Interp, target: &Value) -> RtResult<()> {
    if it.sched.shared.is_empty() {
        return Ok(());
    }
    match group_of(it, target) {
        None => Ok(()),
        Some(g) => match it.sched.locks.get(&g) {
            Some((o, _)) if *o == it.sched.cur => Ok(()),
            _ => err(
                codes::SHARED_NOT_LOCKED,
                "A shared object or collection can be modified only inside Use...End use",
            ),
        },
    }
}

/// Writing `v` into `target`: checks the lock, and makes `v` shareable when the
/// target is shared.
#[inline]
pub fn prepare_store(it: &mut Interp, target: &Value, v: Value) -> RtResult<Value> {
    if it.sched.shared.is_empty() {
        return Ok(v);
    }
    check_write(it, target)?;
    match group_of(it, target) {
        Some(g) => to_shared(it, v, g),
        None => Ok(v),
    }
}

/// `Use(x)`: locks x's group for the current process, waiting while another
/// process holds it. Returns the group to give to [`end_use`].
pub fn begin_use(it: &mut Interp, v: &Value) -> RtResult<u64> {
    let Some(g) = group_of(it, v) else {
        return err(
            codes::SHARED_NOT_LOCKED,
            "Use: a shared object or a shared collection expected",
        );
    };
    loop {
        let cur = it.sched.cur;
        match it.sched.locks.get_mut(&g) {
            None => {
                it.sched.locks.insert(g, (cur, 1));
                return Ok(g);
            }
            Some((o, d)) if *o == cur => {
                *d += 1;
                return Ok(g);
            }
            Some(_) => {
                it.sched.procs[cur].state = State::Delayed(Instant::now() + ticks(1.0));
                yield_now(it)?;
            }
        }
    }
}

pub fn end_use(it: &mut Interp, g: u64) {
    if let Some((_, d)) = it.sched.locks.get_mut(&g) {
        *d -= 1;
        if *d == 0 {
            it.sched.locks.remove(&g);
        }
    }
}

/// A parameter passed to another process: objects and collections are deep
/// copies, except shared ones, which are passed by reference.
pub fn copy_param(it: &Interp, v: &Value) -> RtResult<Value> {
    copy_param_walk(it, v, &mut PathGuard::new("New process"))
}

fn copy_param_walk(it: &Interp, v: &Value, guard: &mut PathGuard) -> RtResult<Value> {
    if is_shared(it, v) {
        return Ok(v.clone());
    }
    Ok(match v {
        Value::Object(o) => {
            guard.enter(v)?;
            let n = new_object();
            for (k, x) in o.borrow().iter() {
                let x = copy_param_walk(it, x, guard)?;
                n.borrow_mut().insert(k.clone(), x);
            }
            guard.leave(v);
            Value::Object(n)
        }
        Value::Collection(c) => {
            guard.enter(v)?;
            let items = c
                .borrow()
                .iter()
                .map(|x| copy_param_walk(it, x, guard))
                .collect::<RtResult<Vec<_>>>()?;
            guard.leave(v);
            Value::Collection(new_collection(items))
        }
        v => v.clone(),
    })
}
