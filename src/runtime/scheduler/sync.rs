//! Semaphores (`Semaphore`, `CLEAR SEMAPHORE`, `Test semaphore`) and signals
//! (`New signal`, `.wait()`, `.trigger()`): waits that yield to the scheduler.

use super::shared::new_shared_object;
use super::{ticks, yield_now, State};
use crate::runtime::error::RtResult;
use crate::runtime::interp::Interp;
use crate::runtime::value::{Obj, Value};
use std::rc::Rc;
use std::time::{Duration, Instant};
// ------------------------------------------------------------------ semaphores

fn sem_key(it: &Interp, name: &str) -> String {
    if name.starts_with('$') {
        format!("{}\u{0}{}", it.sched.cur, name)
    } else {
        name.to_string()
    }
}

/// `Semaphore(name{; ticks})`: False when set by this call (or already owned by
/// the current process), True when another process holds it (after waiting up to
/// `ticks`).
pub fn semaphore(it: &mut Interp, name: &str, wait: Option<f64>) -> RtResult<bool> {
    let key = sem_key(it, name);
    let deadline = Instant::now() + ticks(wait.unwrap_or(0.0));
    loop {
        let cur = it.sched.cur;
        match it.sched.sems.get(&key) {
            None => {
                it.sched.sems.insert(key, cur);
                return Ok(false);
            }
            Some(&o) if o == cur => return Ok(false),
            Some(_) => {
                let now = Instant::now();
                if wait.is_none() || now >= deadline {
                    return Ok(true);
                }
                let step = (now + ticks(1.0)).min(deadline);
                it.sched.procs[cur].state = State::Delayed(step);
                yield_now(it)?;
            }
        }
    }
}

/// `CLEAR SEMAPHORE`: only the process that set it can clear it.
pub fn clear_semaphore(it: &mut Interp, name: &str) {
    let key = sem_key(it, name);
    if it.sched.sems.get(&key) == Some(&it.sched.cur) {
        it.sched.sems.remove(&key);
    }
}

pub fn test_semaphore(it: &Interp, name: &str) -> bool {
    it.sched.sems.contains_key(&sem_key(it, name))
}

// ------------------------------------------------------------------ signals

/// `New signal({description})`: a shared object with `signaled` (False) and
/// `description`, whose `.wait()` and `.trigger()` are [`signal_call`].
pub fn new_signal(it: &mut Interp, description: Value) -> Obj {
    let o = new_shared_object(it);
    {
        let mut b = o.borrow_mut();
        b.insert(Rc::from("signaled"), Value::Bool(false));
        b.insert(Rc::from("description"), description);
    }
    let a = Rc::as_ptr(&o) as *const () as usize;
    it.sched.signals.retain(|_, w| w.strong_count() > 0);
    it.sched.signals.insert(a, Rc::downgrade(&o));
    o
}

/// `.trigger()` and `.wait({timeout})` of a signal; `None` if `o` is not a signal.
/// `.wait` yields until the signal is triggered or `timeout` seconds have passed,
/// and returns `.signaled`.
pub fn signal_call(
    it: &mut Interp,
    o: &Obj,
    name: &str,
    args: &[Value],
) -> Option<RtResult<Value>> {
    let a = Rc::as_ptr(o) as *const () as usize;
    match it.sched.signals.get(&a) {
        Some(w) if std::ptr::eq(w.as_ptr(), Rc::as_ptr(o)) => {}
        _ => return None,
    }
    let signaled = |o: &Obj| matches!(o.borrow().get("signaled"), Some(Value::Bool(true)));
    match name {
        "trigger" => {
            o.borrow_mut()
                .insert(Rc::from("signaled"), Value::Bool(true));
            Some(Ok(Value::Undefined))
        }
        "wait" => {
            let deadline = args
                .first()
                .and_then(|v| v.as_num())
                .map(|s| Instant::now() + Duration::from_secs_f64(s.max(0.0)));
            loop {
                if signaled(o) {
                    return Some(Ok(Value::Bool(true)));
                }
                let now = Instant::now();
                if deadline.is_some_and(|d| now >= d) {
                    return Some(Ok(Value::Bool(false)));
                }
                let step = now + ticks(1.0);
                let step = deadline.map_or(step, |d| d.min(step));
                let cur = it.sched.cur;
                it.sched.procs[cur].state = State::Delayed(step);
                if let Err(e) = yield_now(it) {
                    return Some(Err(e));
                }
            }
        }
        _ => None,
    }
}
