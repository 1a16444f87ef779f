//! Processes, workers, semaphores and shared objects (LANGUAGE.md §9, §13, §14.9),
//! on the cooperative scheduler of `runtime::scheduler` (see its module doc for
//! the model). Doc pages: developer.4d.com/docs/commands/<name> (new-process,
//! delay-process, semaphore, call-worker, kill-worker, process-state,
//! process-properties, get-process-variable, storage, new-shared-object...).

use super::{Args, CommandDef};
use crate::cmd;
use crate::runtime::error::{codes, err, RtResult};
use crate::runtime::interp::Interp;
use crate::runtime::scheduler::{self as sched, State};
use crate::runtime::value::{text, Ptr, Value};
use std::time::Instant;

pub const COMMANDS: &[CommandDef] = &[
    cmd!("Current process", current_process),
    cmd!("Current process name", current_process_name),
    cmd!("New process", new_process),
    cmd!("Process number", process_number),
    cmd!("Process state", process_state),
    cmd!("PROCESS PROPERTIES", process_properties, refs = 0b111_1110),
    cmd!("DELAY PROCESS", delay_process),
    cmd!("PAUSE PROCESS", pause_process),
    cmd!("RESUME PROCESS", resume_process),
    cmd!("ABORT PROCESS BY ID", abort_process_by_id),
    cmd!("CALL WORKER", call_worker),
    cmd!("KILL WORKER", kill_worker),
    cmd!("Semaphore", semaphore),
    cmd!("CLEAR SEMAPHORE", clear_semaphore),
    cmd!("Test semaphore", test_semaphore),
    cmd!("GET PROCESS VARIABLE", get_process_variable, refs = !1),
    cmd!(
        "SET PROCESS VARIABLE",
        set_process_variable,
        refs = 0xAAAA_AAAA
    ),
    cmd!("Storage", storage),
    cmd!("New shared object", new_shared_object),
    cmd!("New shared collection", new_shared_collection),
    cmd!("OB Is shared", ob_is_shared),
    cmd!("Count tasks", count_tasks),
    cmd!("Count user processes", count_user_processes),
    cmd!("New signal", new_signal),
];

/// new-signal.md: a `4D.Signal` (shared object) with `.signaled`, `.description`,
/// `.wait({timeout})` (seconds; the process yields while waiting) and `.trigger()`.
fn new_signal(it: &mut Interp, a: &mut Args) -> RtResult<Value> {
    let d = match a.get(0) {
        Value::Text(t) => Value::Text(t.clone()),
        _ => text(""),
    };
    Ok(Value::Object(sched::new_signal(it, d)))
}

fn current_process(it: &mut Interp, _: &mut Args) -> RtResult<Value> {
    Ok(Value::Int(it.sched.cur as i32 + 1))
}

fn current_process_name(it: &mut Interp, _: &mut Args) -> RtResult<Value> {
    Ok(text(it.sched.procs[it.sched.cur].name.clone()))
}

/// new-process.md: `New process(method; stack{; name{; param...}}{; *})`. With `*`,
/// a live process of that name is reused (its number is returned). Parameters
/// are copied; objects and collections deeply, unless shared.
fn new_process(it: &mut Interp, a: &mut Args) -> RtResult<Value> {
    a.require(2, "New process")?;
    let method = a.text(0, "New process")?;
    let name = if a.len() > 2 {
        a.text(2, "New process")?.to_string()
    } else {
        String::new()
    };
    if a.star && !name.is_empty() {
        let n = sched::number_of(it, &name);
        if n > 0 {
            return Ok(Value::Int(n));
        }
    }
    let Some(&id) = it.prog.method_names.get(&method.to_lowercase()) else {
        return err(
            codes::UNKNOWN_METHOD_TEXT,
            format!("New process: unknown method {}", method),
        );
    };
    let params: Vec<Value> = a
        .vals
        .iter()
        .skip(3)
        .map(|v| sched::copy_param(it, v))
        .collect::<RtResult<_>>()?;
    Ok(Value::Int(sched::spawn_method(it, &name, id, params)))
}

/// process-number.md: the number of the process named `name`, 0 if none.
fn process_number(it: &mut Interp, a: &mut Args) -> RtResult<Value> {
    let name = a.text(0, "Process number")?;
    Ok(Value::Int(sched::number_of(it, &name)))
}

/// process-state.md: `Executing` 0, `Delayed` 1, `Waiting for internal flag` 4
/// ([choice] an idle worker), `Paused` 5, `Aborted` -1 (ended), `Does not exist`
/// -100.
fn process_state(it: &mut Interp, a: &mut Args) -> RtResult<Value> {
    let n = a.int(0, "Process state")?;
    Ok(Value::Int(sched::state_code(it, n)))
}

/// process-properties.md: `PROCESS PROPERTIES(process; name; state; time{; mode{;
/// uniqueID{; origin}}})`; time in ticks since the process started; mode 1
/// (visible, cooperative); [choice] the unique ID is the process number.
fn process_properties(it: &mut Interp, a: &mut Args) -> RtResult<Value> {
    let n = a.int(0, "PROCESS PROPERTIES")?;
    let Some(i) = sched::index_of(it, n) else {
        return Ok(Value::Undefined);
    };
    let p = &it.sched.procs[i];
    let vals = [
        text(p.name.clone()),
        Value::Int(sched::state_code(it, n)),
        Value::Int((p.started.elapsed().as_secs_f64() * 60.0) as i32),
        Value::Int(1),
        Value::Int(n as i32),
        Value::Int(p.origin),
    ];
    for (k, v) in vals.into_iter().enumerate() {
        if a.len() > k + 1 {
            let ptr = a.ptr(k + 1, "PROCESS PROPERTIES")?;
            it.store_ptr(&ptr, v)?;
        }
    }
    Ok(Value::Undefined)
}

/// delay-process.md: delays `process` for `duration` ticks; the current process
/// yields (even for 0 ticks). No effect on a process that does not exist.
fn delay_process(it: &mut Interp, a: &mut Args) -> RtResult<Value> {
    let n = a.int(0, "DELAY PROCESS")?;
    let d = sched::ticks(a.num(1, "DELAY PROCESS")?);
    let Some(i) = sched::index_of(it, n) else {
        return Ok(Value::Undefined);
    };
    if i == it.sched.cur {
        sched::delay_current(it, d)?;
    } else if matches!(it.sched.procs[i].state, State::Ready | State::Delayed(_)) {
        it.sched.procs[i].state = State::Delayed(Instant::now() + d);
        it.sched.wake(i);
    }
    Ok(Value::Undefined)
}

/// pause-process.md: suspends the process until `RESUME PROCESS`.
fn pause_process(it: &mut Interp, a: &mut Args) -> RtResult<Value> {
    let n = a.int(0, "PAUSE PROCESS")?;
    let Some(i) = sched::index_of(it, n) else {
        return Ok(Value::Undefined);
    };
    if matches!(it.sched.procs[i].state, State::Done | State::Idle) {
        return Ok(Value::Undefined);
    }
    it.sched.procs[i].state = State::Paused;
    it.sched.wake(i);
    if i == it.sched.cur {
        sched::yield_now(it)?;
    }
    Ok(Value::Undefined)
}

/// resume-process.md: a paused or delayed process goes on.
fn resume_process(it: &mut Interp, a: &mut Args) -> RtResult<Value> {
    let n = a.int(0, "RESUME PROCESS")?;
    if let Some(i) = sched::index_of(it, n) {
        if matches!(it.sched.procs[i].state, State::Paused | State::Delayed(_)) {
            it.sched.procs[i].state = State::Ready;
            it.sched.wake(i);
        }
    }
    Ok(Value::Undefined)
}

/// abort-process-by-id.md: stops the process whose unique ID is given (fourd's
/// unique IDs are process numbers); its code unwinds as with `ABORT`.
fn abort_process_by_id(it: &mut Interp, a: &mut Args) -> RtResult<Value> {
    let n = a.int(0, "ABORT PROCESS BY ID")?;
    let Some(i) = sched::index_of(it, n) else {
        return Ok(Value::Undefined);
    };
    if it.sched.procs[i].state == State::Done {
        return Ok(Value::Undefined);
    }
    it.sched.procs[i].kill = true;
    it.sched.wake(i);
    if i == it.sched.cur {
        let mut e = crate::runtime::error::rt_error(codes::INTERRUPTED, "Process aborted");
        e.abort = true;
        return Err(e);
    }
    Ok(Value::Undefined)
}

/// call-worker.md: `CALL WORKER(process; formula | method{; param...})` posts a
/// message to the worker named (created if needed) or numbered `process`; it runs
/// when the worker's turn comes. Parameters are copied as for `New process`.
fn call_worker(it: &mut Interp, a: &mut Args) -> RtResult<Value> {
    a.require(2, "CALL WORKER")?;
    let f = a.take(1);
    match &f {
        Value::Text(m) => {
            if !it.prog.method_names.contains_key(&m.to_lowercase()) {
                return err(
                    codes::UNKNOWN_METHOD_TEXT,
                    format!("CALL WORKER: unknown method {}", m),
                );
            }
        }
        Value::Object(_) => {}
        v => {
            return err(
                codes::BAD_ARG,
                format!(
                    "CALL WORKER: a formula or a method name expected, got {}",
                    v.type_name()
                ),
            )
        }
    }
    let params: Vec<Value> = a
        .vals
        .iter()
        .skip(2)
        .map(|v| sched::copy_param(it, v))
        .collect::<RtResult<_>>()?;
    let target = match a.get(0) {
        Value::Text(name) => {
            let live = it.sched.procs.iter().position(|p| {
                p.worker && p.state != State::Done && !p.kill_worker && p.name == **name
            });
            match live {
                Some(i) => i,
                None => sched::spawn_worker(it, name) as usize - 1,
            }
        }
        v => match v.as_num().and_then(|n| sched::index_of(it, n as i64)) {
            Some(i)
                if i == 0
                    || (it.sched.procs[i].worker && it.sched.procs[i].state != State::Done) =>
            {
                i
            }
            _ => return Ok(Value::Undefined),
        },
    };
    it.sched.procs[target].mailbox.push_back((f, params));
    it.sched.wake(target);
    Ok(Value::Undefined)
}

/// kill-worker.md: the worker ignores its pending messages and ends once its
/// current message is done; without parameter, the current process.
fn kill_worker(it: &mut Interp, a: &mut Args) -> RtResult<Value> {
    let i = match a.get(0) {
        Value::Undefined => Some(it.sched.cur),
        Value::Text(name) => it
            .sched
            .procs
            .iter()
            .position(|p| p.worker && p.state != State::Done && p.name == **name),
        v => v.as_num().and_then(|n| sched::index_of(it, n as i64)),
    };
    if let Some(i) = i {
        let p = &mut it.sched.procs[i];
        p.mailbox.clear();
        if p.worker {
            p.kill_worker = true;
        }
        it.sched.wake(i);
    }
    Ok(Value::Undefined)
}

/// semaphore.md: False when the semaphore was not set (it is now set for this
/// process) or is already set by this process; True when another process holds
/// it, after waiting up to `tickCount` ticks for it to be cleared.
fn semaphore(it: &mut Interp, a: &mut Args) -> RtResult<Value> {
    let name = a.text(0, "Semaphore")?;
    let wait = a.opt_num(1, "Semaphore")?;
    Ok(Value::Bool(sched::semaphore(it, &name, wait)?))
}

/// clear-semaphore.md: only the process that set it can clear it (no error
/// otherwise).
fn clear_semaphore(it: &mut Interp, a: &mut Args) -> RtResult<Value> {
    let name = a.text(0, "CLEAR SEMAPHORE")?;
    sched::clear_semaphore(it, &name);
    Ok(Value::Undefined)
}

/// test-semaphore.md: whether the semaphore exists, without setting it.
fn test_semaphore(it: &mut Interp, a: &mut Args) -> RtResult<Value> {
    let name = a.text(0, "Test semaphore")?;
    Ok(Value::Bool(sched::test_semaphore(it, &name)))
}

/// A copy of what a variable of another process holds (arrays copied too).
fn copy_var(it: &Interp, v: &Value) -> RtResult<Value> {
    match v {
        Value::Array(arr) => Ok(Value::Array(std::rc::Rc::new(std::cell::RefCell::new(
            arr.borrow().clone(),
        )))),
        v => sched::copy_param(it, v),
    }
}

fn process_var(it: &mut Interp, i: usize, p: &Ptr, cmd: &str) -> RtResult<Value> {
    match p {
        Ptr::Process(id) => Ok(sched::vars_of(it, i)
            .and_then(|pr| pr.vars.get(*id as usize).cloned())
            .unwrap_or_default()),
        Ptr::Inter(_) => it.deref_raw(p),
        _ => err(
            codes::BAD_ARG,
            format!("{}: a process or interprocess variable expected", cmd),
        ),
    }
}

/// The index of live process `n`, or an error naming `command`.
fn live_process(it: &Interp, n: i64, command: &str) -> RtResult<usize> {
    match sched::index_of(it, n).filter(|&i| it.sched.procs[i].state != State::Done) {
        Some(i) => Ok(i),
        None => err(
            codes::BAD_ARG,
            format!("{}: process {} does not exist", command, n),
        ),
    }
}

/// get-process-variable.md: `GET PROCESS VARIABLE(process; srcVar; dstVar{; ...})`
/// copies variables of another process into variables of the current one.
fn get_process_variable(it: &mut Interp, a: &mut Args) -> RtResult<Value> {
    const CMD: &str = "GET PROCESS VARIABLE";
    let i = live_process(it, a.int(0, CMD)?, CMD)?;
    let mut k = 1;
    while k + 1 < a.len() {
        let src = a.ptr(k, CMD)?;
        let dst = a.ptr(k + 1, CMD)?;
        let v = process_var(it, i, &src, CMD)?;
        let v = copy_var(it, &v)?;
        if matches!(v, Value::Array(_)) {
            it.set_raw(&dst, v)?;
        } else {
            it.store_ptr(&dst, v)?;
        }
        k += 2;
    }
    Ok(Value::Undefined)
}

/// set-process-variable.md: `SET PROCESS VARIABLE(process; dstVar; expr{; ...})`
/// writes (copies of) values into process variables of another process.
fn set_process_variable(it: &mut Interp, a: &mut Args) -> RtResult<Value> {
    const CMD: &str = "SET PROCESS VARIABLE";
    let i = live_process(it, a.int(0, CMD)?, CMD)?;
    let mut k = 1;
    while k + 1 < a.len() {
        let dst = a.ptr(k, CMD)?;
        // the value: by reference (a variable) or not
        let v = match a.get(k + 1) {
            Value::Pointer(p) => {
                let v = it.deref_raw(p)?;
                crate::runtime::interp::read_var(&v)
            }
            v => v.clone(),
        };
        let v = copy_var(it, &v)?;
        match &*dst {
            Ptr::Process(id) if i != it.sched.cur => {
                let Some(pr) = sched::vars_of(it, i) else {
                    return Ok(Value::Undefined);
                };
                let ty = pr.types[*id as usize];
                crate::runtime::interp::store_var(&mut pr.vars[*id as usize], ty, v)?;
            }
            Ptr::Process(_) | Ptr::Inter(_) => it.store_ptr(&dst, v)?,
            _ => {
                return err(
                    codes::BAD_ARG,
                    format!("{}: a process or interprocess variable expected", CMD),
                )
            }
        }
        k += 2;
    }
    Ok(Value::Undefined)
}

/// storage.md: the shared object of the application (modify it in `Use`).
fn storage(it: &mut Interp, _: &mut Args) -> RtResult<Value> {
    Ok(Value::Object(sched::storage(it)))
}

/// new-shared-object.md: `New shared object{(property; value{; ...})}`; values
/// that are objects or collections are stored as shared copies.
fn new_shared_object(it: &mut Interp, a: &mut Args) -> RtResult<Value> {
    let o = sched::new_shared_object(it);
    let g = sched::group_of(it, &Value::Object(o.clone())).unwrap_or_default();
    let mut k = 0;
    while k < a.len() {
        let name = a.text(k, "New shared object")?;
        let v = sched::to_shared(it, crate::runtime::value::stored(a.take(k + 1)), g)?;
        o.borrow_mut().insert(std::rc::Rc::from(name.as_str()), v);
        k += 2;
    }
    Ok(Value::Object(o))
}

/// new-shared-collection.md: `New shared collection{(value{; ...})}`.
fn new_shared_collection(it: &mut Interp, a: &mut Args) -> RtResult<Value> {
    let c = sched::new_shared_collection(it);
    let g = sched::group_of(it, &Value::Collection(c.clone())).unwrap_or_default();
    for v in std::mem::take(&mut a.vals) {
        let v = sched::to_shared(it, crate::runtime::value::stored(v), g)?;
        c.borrow_mut().push(v);
    }
    Ok(Value::Collection(c))
}

/// ob-is-shared.md: True for a shared object or collection.
fn ob_is_shared(it: &mut Interp, a: &mut Args) -> RtResult<Value> {
    Ok(Value::Bool(sched::is_shared(it, a.get(0))))
}

/// count-tasks.md: the number of live processes (fourd has no system processes).
fn count_tasks(it: &mut Interp, _: &mut Args) -> RtResult<Value> {
    Ok(Value::Int(
        it.sched
            .procs
            .iter()
            .filter(|p| p.state != State::Done)
            .count() as i32,
    ))
}

fn count_user_processes(it: &mut Interp, a: &mut Args) -> RtResult<Value> {
    count_tasks(it, a)
}
