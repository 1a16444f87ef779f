//! What other code asks of the process table: a process's index, state, number and
//! variables by number or name, waiting for a process to end, `DELAY PROCESS`.

use super::*;
// ------------------------------------------------------------------ queries

/// The index of process number `n`, if it exists.
pub fn index_of(it: &Interp, n: i64) -> Option<usize> {
    if n >= 1 && (n as usize) <= it.sched.procs.len() {
        Some(n as usize - 1)
    } else {
        None
    }
}

/// The 4D process state constant of process number `n`.
pub fn state_code(it: &Interp, n: i64) -> i32 {
    match index_of(it, n).map(|i| (i, it.sched.procs[i].state)) {
        None => -100,
        Some((_, State::Done)) => -1,
        Some((i, State::Ready)) if i == it.sched.cur => 0,
        Some((_, State::Ready)) => 0,
        Some((_, State::Delayed(_))) => 1,
        Some((_, State::Paused)) => 5,
        Some((_, State::Idle)) => 4,
    }
}

/// The number of the live process named `name` (0 if none).
pub fn number_of(it: &Interp, name: &str) -> i32 {
    it.sched
        .procs
        .iter()
        .position(|p| p.state != State::Done && p.name == name)
        .map(|i| i as i32 + 1)
        .unwrap_or(0)
}

/// The process variables of process index `i` (the running one's are in the
/// interpreter).
pub fn vars_of<'a>(it: &'a mut Interp, i: usize) -> Option<&'a mut Process> {
    if i == it.sched.cur {
        return Some(&mut it.process);
    }
    it.sched.procs[i].saved.as_mut().map(|s| &mut s.process)
}

// ------------------------------------------------------------------ delays

/// `DELAY PROCESS` of the current process.
pub fn delay_current(it: &mut Interp, d: Duration) -> RtResult<()> {
    let cur = it.sched.cur;
    it.sched.procs[cur].state = State::Delayed(Instant::now() + d);
    yield_now(it)
}
