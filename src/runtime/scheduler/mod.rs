//! 4D processes on one thread: a cooperative scheduler (LANGUAGE.md §9, §13).
//!
//! 4D values are reference-counted without atomics (`Rc`), so no value may cross an
//! OS thread. fourd therefore runs every 4D process of an interpreter on the
//! interpreter's own thread, cooperatively, the way 4D runs its cooperative
//! processes:
//!
//! - **Process 1** ("Main process") runs the entry method on the thread's own stack.
//! - Every other process (`New process`, `CALL WORKER`) is a *stackful coroutine*
//!   (`corosensei`) with its own machine stack, so it can stop in the middle of
//!   any method (deep inside a command) and resume there later.
//! - Each process owns its **execution context**: local-variable stack, call
//!   frames, process variables (including `OK`, `Error`), its view of the
//!   datastore (selections, current records, locks), the `ON ERR CALL`
//!   handler and `Try` state. Exactly as the web server swaps a session's
//!   [`Process`] into the interpreter for each request (`web::worker`), the
//!   scheduler swaps a process's whole context into the [`Interp`] when it runs and
//!   out again when it stops. Interprocess variables (`<>x`), `Storage`,
//!   semaphores and classes are shared by all processes.
//! - A process runs until it **yields**: at `DELAY PROCESS`, `PAUSE PROCESS` of
//!   itself, while waiting for a semaphore (`Semaphore(name; ticks)`) or for a
//!   `Use` on a shared object locked by another process, when a worker's message
//!   box is empty, and when its method ends. There is no preemption: a loop that
//!   never yields keeps the thread (as a cooperative 4D process that never
//!   yields does).
//! - The main process **drives** the scheduler: when it yields, the scheduler
//!   resumes the other ready processes in round-robin order (each runs until its
//!   next yield) and returns to the main process when its turn comes. When nothing
//!   is ready it sleeps until the earliest `DELAY PROCESS` deadline.
//! - `New process` only queues the new process: it first runs at the creator's
//!   next yield. At the end of the main method `fourd run` keeps scheduling until
//!   every process has ended; idle workers (empty message box) are then ended. If
//!   the processes left can never run again (paused, nobody to resume them) the
//!   run reports them as blocked forever and exits with code 70.
//! - A runtime error not handled in a process other than the main one is printed
//!   (as for the main process) and ends that process (a worker goes on with its
//!   next message); the run goes on and exits with code 70 at the end.
//!
//! Shared objects and collections (`New shared object`, `New shared collection`,
//! `Storage`) are ordinary objects recorded in a side table with their locking
//! group. Writing to one outside `Use(x) ... End use` of its group is an error;
//! `Use` locks the group for the current process (nested `Use` allowed) and
//! waits (yields) while another process holds it. Process numbers are not reused;
//! an ended process has the state `Aborted` (-1); its unique ID is its number.
//!
//! [`Process`]: super::process::Process

use super::error::{codes, err, rt_error, RtError, RtResult};
use super::interp::{Frame, Interp};
use super::process::Process;
use super::value::{Obj, Value, VarType};
use corosensei::stack::DefaultStack;
use corosensei::{Coroutine, CoroutineResult, Yielder};
use std::collections::{HashMap, VecDeque};
use std::rc::{Rc, Weak};
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

/// Machine stack of a process (reserved, committed by the OS as it is used).
const PROC_STACK: usize = 256 << 20;

type Coro = Coroutine<usize, (), RtResult<()>, DefaultStack>;

/// Where a process stands.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum State {
    /// Ready to run (or running).
    Ready,
    /// `DELAY PROCESS`, or polling a semaphore / a locked shared object.
    Delayed(Instant),
    Paused,
    /// A worker whose message box is empty.
    Idle,
    Done,
}

/// The context of one process: everything that is the process's own (its
/// locals, call frames, process variables, datastore view, error handling, web
/// request and session). The running process's context is in the [`Interp`]
/// (its "registers"); the others' wait here. [`swap_context`] is the one
/// function that exchanges them, and only the scheduler calls it.
#[derive(Default)]
pub struct ProcCtx {
    locals: Vec<Value>,
    ltypes: Vec<VarType>,
    base: usize,
    frames: Vec<Frame>,
    process: Process,
    /// The process's view of the datastore (selections, current records, locks).
    db: crate::datastore::ProcessDb,
    cur_pos: u32,
    handler: Option<(Rc<str>, crate::compile::ir::MethodId)>,
    try_stack: Vec<u64>,
    in_handler: u32,
    last_error: Option<Box<RtError>>,
    /// The request being answered and the legacy session (web processes).
    web: super::host::WebCtx,
}

/// A process body given by a host (a web session's loop, a one-request process).
pub type Body = Box<dyn FnOnce(&mut Interp<'_>) -> RtResult<()>>;

/// What a process runs.
enum Job {
    Method(crate::compile::ir::MethodId, Vec<Value>),
    Worker,
    Body(Body),
}

/// One process.
pub struct Proc {
    pub name: String,
    pub state: State,
    pub worker: bool,
    /// `CALL WORKER` messages: a formula or method name, and parameters.
    pub mailbox: VecDeque<(Value, Vec<Value>)>,
    /// Abort at the next resume (`ABORT PROCESS BY ID`, end of run).
    pub kill: bool,
    /// `KILL WORKER`: end once the current message is done.
    pub kill_worker: bool,
    pub started: Instant,
    /// Process type (`Main process` -1, `Other user process` 4, `Worker process` 5,
    /// web processes -11 with a legacy session, -3 without).
    pub origin: i32,
    /// When the code this process runs must stop (a web request's time limit):
    /// past it, the code gets error 35 at its next statement or wait.
    pub deadline: Option<Instant>,
    /// The application is quitting: the code running in this process is
    /// interrupted (error 35) at its next statement or wait.
    pub stopping: bool,
    /// Messages of the host for this process (a web session's requests and
    /// close), as the host defines them.
    pub host_mail: VecDeque<Box<dyn std::any::Any>>,
    saved: Option<ProcCtx>,
    coro: Option<Coro>,
    yielder: Option<*const Yielder<usize, ()>>,
}

impl Proc {
    fn new(name: &str, origin: i32) -> Proc {
        Proc {
            name: name.to_string(),
            state: State::Ready,
            worker: origin == 5,
            mailbox: VecDeque::new(),
            kill: false,
            kill_worker: false,
            started: Instant::now(),
            origin,
            deadline: None,
            stopping: false,
            host_mail: VecDeque::new(),
            saved: None,
            coro: None,
            yielder: None,
        }
    }

    fn overdue(&self, now: Instant) -> bool {
        self.stopping || self.deadline.is_some_and(|d| d <= now)
    }

    fn runnable(&self, now: Instant) -> bool {
        let has_mail = !self.mailbox.is_empty() || !self.host_mail.is_empty();
        match self.state {
            State::Ready => true,
            State::Delayed(t) => t <= now || self.kill || self.overdue(now),
            State::Idle => has_mail || self.kill || self.kill_worker,
            State::Paused => self.kill,
            State::Done => false,
        }
    }
}

type WeakObj = Weak<std::cell::RefCell<crate::runtime::value::ObjMap>>;

enum Weakly {
    O(WeakObj),
    C(Weak<std::cell::RefCell<Vec<Value>>>),
}

/// The locking group of `Storage` itself: objects put in `Storage` keep their own.
const STORAGE_GROUP: u64 = 1;

/// Watches the deadline of the running process from another thread and sets
/// the interpreter's interrupt flag when it passes (a loop that never waits
/// is stopped at its next statement).
pub struct Watch {
    flag: Arc<AtomicBool>,
    /// The flag was set by this watch (not by Ctrl-C or `--max-time`).
    fired: AtomicBool,
    /// Deadline of the running process, in ms since `epoch` (0: none).
    deadline_ms: AtomicU64,
    epoch: Instant,
}

impl Watch {
    fn set(&self, d: Option<Instant>) {
        let ms = d.map_or(0, |d| {
            d.saturating_duration_since(self.epoch).as_millis() as u64 + 1
        });
        self.deadline_ms.store(ms, Ordering::SeqCst);
        let overdue = d.is_some_and(|d| d <= Instant::now());
        if !overdue && self.fired.swap(false, Ordering::SeqCst) {
            self.flag.store(false, Ordering::SeqCst);
        }
    }
}

/// The processes of an interpreter and what they share.
pub struct Sched {
    pub procs: Vec<Proc>,
    /// Index (number - 1) of the running process.
    pub cur: usize,
    rr: usize,
    /// Semaphores: name → owner (index).
    sems: HashMap<String, usize>,
    storage: Option<Obj>,
    shared: HashMap<usize, (Weakly, u64)>,
    /// Locked groups: group → (owner, depth).
    locks: HashMap<u64, (usize, u32)>,
    next_group: u64,
    /// A process other than the main one ended on an error.
    pub failed: bool,
    /// `4D.Signal` objects (by address).
    signals: HashMap<usize, WeakObj>,
    watch: Option<Arc<Watch>>,
    /// Per process: idle with nothing to do when it went idle (an empty mailbox),
    /// so the pick of the next process skips it without touching its record: with
    /// 10,000 live web sessions, scanning them all for every request cost a fifth of
    /// the server's time. Whatever gives a process work ([`Sched::wake`]: mail, a
    /// kill, a state change) clears its flag; a full scan every [`FULL_SCAN`] (no
    /// wait outlasts it) catches anything else.
    /// A bit per process (index `i`: word `i / 64`, bit `i % 64`).
    parked: Vec<u64>,
    last_full_scan: Option<Instant>,
}

/// The longest a parked process that got work by a path not calling
/// [`Sched::wake`] can wait before a full scan finds it.
const FULL_SCAN: Duration = Duration::from_millis(100);

impl Sched {
    /// Process `i` may have work: the next pick looks at it.
    pub fn wake(&mut self, i: usize) {
        if let Some(w) = self.parked.get_mut(i / 64) {
            *w &= !(1u64 << (i % 64));
        }
    }

    /// The first index of `lo..hi` that is not parked and for which `pick` holds;
    /// all of them when `all`. Words of 64 parked processes are skipped at once.
    fn first_unparked(
        &self,
        lo: usize,
        hi: usize,
        all: bool,
        mut pick: impl FnMut(usize) -> bool,
    ) -> Option<usize> {
        let mut i = lo;
        while i < hi {
            let word = if all {
                0
            } else {
                self.parked.get(i / 64).copied().unwrap_or(0)
            };
            if word == u64::MAX && i.is_multiple_of(64) {
                i += 64;
                continue;
            }
            if word & (1u64 << (i % 64)) == 0 && pick(i) {
                return Some(i);
            }
            i += 1;
        }
        None
    }

    /// Process `i` went idle: parked when it has nothing to do.
    fn park_if_idle(&mut self, i: usize) {
        let Some(p) = self.procs.get(i) else { return };
        let nothing = p.state == State::Idle
            && p.mailbox.is_empty()
            && p.host_mail.is_empty()
            && !p.kill
            && !p.kill_worker;
        if nothing {
            if self.parked.len() <= i / 64 {
                self.parked.resize(i / 64 + 1, 0);
            }
            self.parked[i / 64] |= 1u64 << (i % 64);
        }
    }
}

impl Default for Sched {
    fn default() -> Self {
        Sched {
            procs: vec![Proc::new("Main process", -1)],
            cur: 0,
            rr: 0,
            sems: HashMap::new(),
            storage: None,
            shared: HashMap::new(),
            locks: HashMap::new(),
            next_group: STORAGE_GROUP + 1,
            failed: false,
            signals: HashMap::new(),
            watch: None,
            parked: Vec::new(),
            last_full_scan: None,
        }
    }
}

fn abort_error() -> Box<RtError> {
    let mut e = rt_error(codes::INTERRUPTED, "Process aborted");
    e.abort = true;
    e
}

/// Error 35 of a process past its deadline or stopped because the application
/// quits; neither `Try` nor `ON ERR CALL` catches it.
fn stop_error(p: &Proc) -> Box<RtError> {
    let msg = if p.stopping {
        "Interrupted: the application is quitting"
    } else {
        "Time limit exceeded"
    };
    let mut e = rt_error(codes::INTERRUPTED, msg);
    e.fatal = true;
    e
}

/// Exchanges the context of the running process (in `it`) with `cx`: the one
/// place where the current process changes (called by [`resume`] only).
fn swap_context(it: &mut Interp, cx: &mut ProcCtx) {
    use std::mem::swap;
    swap(&mut it.locals, &mut cx.locals);
    swap(&mut it.ltypes, &mut cx.ltypes);
    swap(&mut it.base, &mut cx.base);
    swap(&mut it.frames, &mut cx.frames);
    swap(&mut it.process, &mut cx.process);
    swap(&mut it.db, &mut cx.db);
    swap(&mut it.cur_pos, &mut cx.cur_pos);
    swap(&mut it.oo.handler, &mut cx.handler);
    swap(&mut it.oo.try_stack, &mut cx.try_stack);
    swap(&mut it.oo.in_handler, &mut cx.in_handler);
    swap(&mut it.oo.last_error, &mut cx.last_error);
    swap(&mut it.web, &mut cx.web);
}

/// Ticks (1/60 s) as a duration.
pub fn ticks(n: f64) -> Duration {
    Duration::from_secs_f64((n.max(0.0)) / 60.0)
}

// ------------------------------------------------------------------ creation

/// Creates a process running `method` with `args` (already copied); returns its
/// number. It first runs at the current process's next yield.
pub fn spawn_method(
    it: &mut Interp,
    name: &str,
    method: crate::compile::ir::MethodId,
    args: Vec<Value>,
) -> i32 {
    spawn(it, name, 4, Job::Method(method, args))
}

/// Creates a worker process (empty message box); returns its number.
pub fn spawn_worker(it: &mut Interp, name: &str) -> i32 {
    spawn(it, name, 5, Job::Worker)
}

/// Creates a process running a host's `body` (a web session); returns its number.
pub fn spawn_body(it: &mut Interp, name: &str, origin: i32, body: Body) -> i32 {
    spawn(it, name, origin, Job::Body(body))
}

fn spawn(it: &mut Interp, name: &str, origin: i32, job: Job) -> i32 {
    let stack = match DefaultStack::new(PROC_STACK) {
        Ok(s) => s,
        Err(_) => return 0,
    };
    let coro: Coro = Coroutine::with_stack(stack, move |y: &Yielder<usize, ()>, p: usize| {
        // SAFETY: `p` is the address of the interpreter that resumes this coroutine
        // (`resume` passes it). The interpreter does not move while any process
        // exists and outlives every coroutine (`shutdown` ends them before it is
        // dropped). Only one process runs at a time: while this coroutine is
        // suspended its frames do not touch the interpreter, and while it runs the
        // resuming side does not (it is blocked in `resume`).
        let it: &mut Interp<'static> = unsafe { &mut *(p as *mut Interp<'static>) };
        let me = it.sched.cur;
        it.sched.procs[me].yielder = Some(y as *const _);
        match job {
            Job::Method(id, args) => it.call_method(id, args, 0).map(|_| ()),
            Job::Worker => worker_loop(it, me),
            Job::Body(body) => body(it),
        }
    });
    let mut p = Proc::new(name, origin);
    p.saved = Some(ProcCtx {
        process: Process::new(&it.prog.process_vars),
        db: crate::datastore::ProcessDb::new(it.db.store.clone(), name),
        ..Default::default()
    });
    p.coro = Some(coro);
    it.sched.procs.push(p);
    it.sched.procs.len() as i32
}

fn worker_loop(it: &mut Interp, me: usize) -> RtResult<()> {
    loop {
        if it.sched.procs[me].kill_worker {
            return Ok(());
        }
        match it.sched.procs[me].mailbox.pop_front() {
            Some((f, args)) => {
                if let Err(e) = it.call_callback(&f, args) {
                    if e.abort {
                        return Err(e);
                    }
                    report(it, &e);
                }
            }
            None => {
                it.sched.procs[me].state = State::Idle;
                it.sched.park_if_idle(me);
                yield_now(it)?;
            }
        }
    }
}

fn report(it: &mut Interp, e: &RtError) {
    let msg = super::error::render_error(it.prog, e);
    it.write_err(&msg);
    it.sched.failed = true;
}

// ------------------------------------------------------------------ switching

/// Gives the other processes their turn; returns when the current process may
/// go on (its state must have been set before: `Ready` to just let others run,
/// `Delayed`, `Paused`, `Idle`). Fails with an abort error if the process was
/// aborted meanwhile, with error 35 if it is past its deadline or stopping.
pub fn yield_now(it: &mut Interp) -> RtResult<()> {
    let cur = it.sched.cur;
    if cur == 0 {
        host(it, true)?;
    } else {
        let y = it.sched.procs[cur]
            .yielder
            .expect("a running process has its yielder");
        let before = it as *mut Interp as usize;
        // SAFETY: the yielder lives on this coroutine's stack, which is alive (we
        // run on it). No reference into the interpreter is used across the switch:
        // `it` is re-derived from the address `suspend` returns, which is the
        // address the next `resume` passes (the same interpreter, which never
        // moves), so whatever ran meanwhile is seen.
        let back = unsafe { (*y).suspend(()) };
        debug_assert_eq!(back, before, "the interpreter moved while suspended");
        // SAFETY: `back` is the live interpreter's address (see `spawn`); the
        // reference is used only until this function returns, on this coroutine.
        let it2: &mut Interp = unsafe { &mut *(back as *mut Interp) };
        return after_wait(it2, cur);
    }
    after_wait(it, cur)
}

fn after_wait(it: &mut Interp, cur: usize) -> RtResult<()> {
    let p = &it.sched.procs[cur];
    if p.kill {
        return Err(abort_error());
    }
    if p.overdue(Instant::now()) {
        let e = stop_error(p);
        it.sched.procs[cur].state = State::Ready;
        return Err(e);
    }
    it.sched.procs[cur].state = State::Ready;
    Ok(())
}

/// Lets the installed host handle outside events, waiting for one until
/// `until` (`None`: until one comes; now: just poll). Returns whether the host
/// is still active.
fn pump(it: &mut Interp, until: Option<Instant>) -> bool {
    let Some(mut h) = it.host.take() else {
        return false;
    };
    let _ = it.out.flush();
    h.pump(it, until);
    let active = h.active();
    if it.host.is_none() {
        it.host = Some(h);
    }
    active
}

/// The scheduler loop, run by the main process. With `main_waits`, returns when
/// the main process is ready again (error if it never can be); otherwise runs
/// the others until none can run and no host is active.
fn host(it: &mut Interp, main_waits: bool) -> RtResult<()> {
    host_loop(it, main_waits, false)
}

/// [`host`]; with `while_served`, returns as soon as the host is no longer
/// active (the server stopped: processes still running, such as a worker
/// ticking forever, end with the application).
fn host_loop(it: &mut Interp, main_waits: bool, while_served: bool) -> RtResult<()> {
    loop {
        if it.host.is_some() {
            let active = pump(it, Some(Instant::now()));
            if while_served && !active {
                return Ok(());
            }
        } else if while_served {
            return Ok(());
        }
        let now = Instant::now();
        let n = it.sched.procs.len();
        let full = it
            .sched
            .last_full_scan
            .is_none_or(|t| now.duration_since(t) >= FULL_SCAN);
        if full {
            it.sched.last_full_scan = Some(now);
        }
        // round robin: the processes after the last one run, then from the first
        let procs = &it.sched.procs;
        let ready = |i: usize| {
            let p = &procs[i];
            let main_turn = i == 0 && (main_waits || !p.mailbox.is_empty());
            (i != 0 || main_turn) && p.runnable(now)
        };
        let start = (it.sched.rr + 1).min(n);
        let pick = it
            .sched
            .first_unparked(start, n, full, ready)
            .or_else(|| it.sched.first_unparked(0, start, full, ready));
        match pick {
            Some(0) if main_waits => {
                it.sched.rr = 0;
                it.sched.procs[0].state = State::Ready;
                return Ok(());
            }
            Some(0) => {
                // messages to the main process once its method has ended
                it.sched.rr = 0;
                if let Some((f, args)) = it.sched.procs[0].mailbox.pop_front() {
                    if let Err(e) = it.call_callback(&f, args) {
                        if !e.abort {
                            report(it, &e);
                        }
                    }
                }
            }
            Some(i) => {
                it.sched.rr = i;
                it.sched.wake(i);
                resume(it, i);
            }
            None => {
                let wake = it
                    .sched
                    .procs
                    .iter()
                    .enumerate()
                    .filter(|(i, _)| *i != 0 || main_waits)
                    .filter_map(|(_, p)| match p.state {
                        State::Delayed(t) => Some(p.deadline.map_or(t, |d| d.min(t))),
                        _ => None,
                    })
                    .min();
                // wait no longer than the next full scan, which would find a
                // parked process given work by a path that did not wake it
                // (after a full scan that found nothing, the wait is the real one)
                let next_full = if full {
                    None
                } else {
                    it.sched.last_full_scan.map(|t| t + FULL_SCAN)
                };
                let wake = match (wake, next_full) {
                    (Some(w), Some(f)) => Some(w.min(f)),
                    (w, f) => w.or(f),
                };
                if it.host.as_ref().is_some_and(|h| h.active()) {
                    // wait for the front (requests, signals) and the timers at once
                    pump(it, wake);
                    continue;
                }
                match wake {
                    Some(t) => {
                        let _ = it.out.flush();
                        std::thread::sleep(t.saturating_duration_since(Instant::now()));
                    }
                    None if main_waits => {
                        return err(
                            codes::DEADLOCK,
                            "Process blocked forever: no other process can wake it up",
                        )
                    }
                    None => return Ok(()),
                }
            }
        }
    }
}

use std::io::Write;

/// Runs process `i` until it yields or ends (called by the host only).
fn resume(it: &mut Interp, i: usize) {
    let Some(mut coro) = it.sched.procs[i].coro.take() else {
        it.sched.procs[i].state = State::Done;
        return;
    };
    let mut cx = it.sched.procs[i].saved.take().unwrap_or_default();
    swap_context(it, &mut cx);
    it.sched.procs[0].saved = Some(cx);
    it.sched.cur = i;
    if it.sched.procs[i].state != State::Paused || it.sched.procs[i].kill {
        it.sched.procs[i].state = State::Ready;
    }
    if let Some(w) = &it.sched.watch {
        w.set(it.sched.procs[i].deadline);
    }
    let r = if it.sched.procs[i].kill && !coro.started() {
        CoroutineResult::Return(Err(abort_error()))
    } else {
        coro.resume(it as *mut Interp as usize)
    };
    let mut cx = it.sched.procs[0].saved.take().unwrap_or_default();
    swap_context(it, &mut cx);
    it.sched.procs[i].saved = Some(cx);
    it.sched.cur = 0;
    if let Some(w) = &it.sched.watch {
        w.set(it.sched.procs[0].deadline);
    }
    match r {
        CoroutineResult::Yield(()) => it.sched.procs[i].coro = Some(coro),
        CoroutineResult::Return(res) => {
            drop(coro);
            end_process(it, i);
            if let Err(e) = res {
                if !e.abort {
                    report(it, &e);
                }
            }
        }
    }
}

fn end_process(it: &mut Interp, i: usize) {
    let p = &mut it.sched.procs[i];
    p.state = State::Done;
    p.saved = None;
    p.mailbox.clear();
    p.host_mail.clear();
    p.yielder = None;
    // [choice] a process's semaphores and `Use` locks are released when it ends
    it.sched.sems.retain(|_, o| *o != i);
    it.sched.locks.retain(|_, (o, _)| *o != i);
}

/// End of the main method (`fourd run`): runs the other processes until they
/// have all ended and no host is active (a web server started by the code
/// serves until it stops), then ends idle workers. Returns the names of the
/// processes that could never run again (blocked forever), if any.
pub fn finish(it: &mut Interp) -> Vec<String> {
    it.sched.procs[0].state = State::Done;
    let _ = host(it, false);
    let blocked: Vec<String> = it
        .sched
        .procs
        .iter()
        .enumerate()
        .skip(1)
        .filter(|(_, p)| matches!(p.state, State::Paused))
        .map(|(i, p)| format!("{} (process {})", p.name, i + 1))
        .collect();
    shutdown(it);
    blocked
}

/// Runs the other processes and the host's events until the host is no longer
/// active and no process can run (`fourd serve` after `On Startup`); the main
/// process (the caller) then goes on (`On Exit`).
pub fn serve(it: &mut Interp) {
    let _ = host_loop(it, false, true);
}

/// Makes the main process ready again after [`finish`] (the REPL's next entry
/// runs in the same world: `Storage`, semaphores and process numbers go on).
pub fn reopen_main(s: &mut Sched) {
    s.procs[0].state = State::Ready;
    s.cur = 0;
    s.failed = false;
}

/// Aborts every process still alive (their 4D code unwinds as for `ABORT`).
pub fn shutdown(it: &mut Interp) {
    if it.sched.procs.len() <= 1 || it.sched.cur != 0 {
        return;
    }
    for i in 1..it.sched.procs.len() {
        if it.sched.procs[i].coro.is_some() {
            it.sched.procs[i].kill = true;
            it.sched.wake(i);
            resume(it, i);
        }
    }
}

// ------------------------------------------------------------------ hosts

/// Installs the flag that stops running code (shared with Ctrl-C / `--max-time`
/// when the interpreter has one) and the thread watching the running process's
/// deadline. Idempotent.
pub fn enable_deadlines(it: &mut Interp) {
    if it.sched.watch.is_some() {
        return;
    }
    let flag = it
        .interrupt
        .get_or_insert_with(|| Arc::new(AtomicBool::new(false)))
        .clone();
    let w = Arc::new(Watch {
        flag,
        fired: AtomicBool::new(false),
        deadline_ms: AtomicU64::new(0),
        epoch: Instant::now(),
    });
    let weak = Arc::downgrade(&w);
    let _ = std::thread::Builder::new()
        .name("fourd-deadline".into())
        .spawn(move || loop {
            std::thread::sleep(Duration::from_millis(20));
            let Some(w) = weak.upgrade() else { return };
            let d = w.deadline_ms.load(Ordering::SeqCst);
            if d != 0 && w.epoch.elapsed().as_millis() as u64 >= d {
                w.fired.store(true, Ordering::SeqCst);
                w.flag.store(true, Ordering::SeqCst);
            }
        });
    it.sched.watch = Some(w);
}

/// Sets the deadline of the running process (`None`: no limit).
pub fn set_deadline(it: &mut Interp, d: Option<Instant>) {
    let cur = it.sched.cur;
    it.sched.procs[cur].deadline = d;
    if let Some(w) = &it.sched.watch {
        w.set(d);
    }
}

/// Whether the running process is past its deadline or stopping.
pub fn overdue(it: &Interp) -> bool {
    it.sched.procs[it.sched.cur].overdue(Instant::now())
}

/// Clears the interrupt flag if the deadline watch set it (after the overdue
/// request was answered).
pub fn clear_deadline_interrupt(it: &mut Interp) {
    if let Some(w) = &it.sched.watch {
        if w.fired.swap(false, Ordering::SeqCst) {
            w.flag.store(false, Ordering::SeqCst);
        }
    }
}

/// Posts a host message to process index `i` (it runs at its next turn).
pub fn post(it: &mut Interp, i: usize, msg: Box<dyn std::any::Any>) {
    if let Some(p) = it.sched.procs.get_mut(i) {
        if p.state != State::Done {
            p.host_mail.push_back(msg);
        }
    }
    it.sched.wake(i);
}

/// The next host message of the running process, waiting (idle) until one comes.
/// Waiting here is between two pieces of work: a deadline or a stop does not
/// apply to it (only an abort ends the wait).
pub fn next_host_message(it: &mut Interp) -> RtResult<Box<dyn std::any::Any>> {
    loop {
        let cur = it.sched.cur;
        it.sched.procs[cur].stopping = false;
        it.sched.procs[cur].deadline = None;
        if let Some(m) = it.sched.procs[cur].host_mail.pop_front() {
            return Ok(m);
        }
        it.sched.procs[cur].state = State::Idle;
        it.sched.park_if_idle(cur);
        match yield_now(it) {
            Err(e) if e.abort => return Err(e),
            _ => {}
        }
    }
}

/// Marks every live process but the main one as stopping (the application
/// quits): their running code gets error 35 at its next statement or wait.
pub fn stop_all(it: &mut Interp) {
    for p in it.sched.procs.iter_mut().skip(1) {
        if p.state != State::Done {
            p.stopping = true;
        }
    }
}

/// Whether process index `i` has ended.
pub fn is_done(it: &Interp, i: usize) -> bool {
    it.sched.procs.get(i).is_none_or(|p| p.state == State::Done)
}

/// Waits (yielding) until process index `i` has ended.
pub fn wait_for_end(it: &mut Interp, i: usize) -> RtResult<()> {
    while !is_done(it, i) {
        let cur = it.sched.cur;
        if cur == i {
            return Ok(());
        }
        it.sched.procs[cur].state = State::Delayed(Instant::now() + Duration::from_millis(2));
        yield_now(it)?;
    }
    Ok(())
}

mod queries;
pub use queries::*;
mod shared;
mod sync;
pub use shared::*;
pub use sync::*;

#[cfg(test)]
mod tests;
