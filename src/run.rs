//! `fourd run`: loads a script or a project and runs it. Exit codes: 0 success,
//! 64 bad usage / missing files, 65 syntax errors, 70 uncaught runtime error.

use crate::datastore::{self, DataPath, ProcessDb};
use crate::project::{self, LoadError};
use crate::runtime::interp::Interp;
use crate::runtime::value::text;
use std::io::Write;
use std::path::Path;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

/// Stack size of the interpreter thread: deep 4D recursion is bounded by the call
/// depth limit ("Stack full"), not by the Rust stack.
const STACK_SIZE: usize = 1 << 30;

/// Runs a `.4dm` file or a project folder; returns the process exit code
/// (0 success, 65 syntax errors, 70 uncaught runtime error).
pub fn run_cli(path: &Path, method: Option<&str>, args: &[String]) -> u8 {
    run_cli_full(path, method, args, DataPath::Default, None)
}

/// [`run_cli`] with the data file chosen by `fourd run --data`.
pub fn run_cli_with_data(path: &Path, method: Option<&str>, args: &[String], data: DataPath) -> u8 {
    run_cli_full(path, method, args, data, None)
}

/// How long `--max-time` lets the code go on after the interrupt before the process
/// is ended anyway (the code is inside one long command that never checks it).
const HARD_STOP_GRACE: std::time::Duration = std::time::Duration::from_secs(2);

/// [`run_cli_with_data`] with `fourd run --max-time SECONDS`: past `max_time` the
/// running code stops with error 35 "Time limit exceeded" (exit code 70, like any
/// uncaught error; `ON ERR CALL` and `Try` cannot catch it). If the code is stuck
/// inside one command that long, the process exits with the same error a little
/// later.
pub fn run_cli_full(
    path: &Path,
    method: Option<&str>,
    args: &[String],
    data: DataPath,
    max_time: Option<std::time::Duration>,
) -> u8 {
    let path = path.to_path_buf();
    let method = method.map(str::to_string);
    let args = args.to_vec();
    let h = std::thread::Builder::new()
        .name("fourd".into())
        .stack_size(STACK_SIZE)
        .spawn(move || run_in_thread(&path, method.as_deref(), &args, &data, max_time));
    match h.map(|h| h.join()) {
        Ok(Ok(code)) => code,
        _ => {
            eprintln!("fourd: internal error");
            70
        }
    }
}

/// Sets the interrupt flag of a run after its time limit (a watchdog thread); the
/// run tells it it ended by dropping `Watchdog`.
struct Watchdog {
    fired: Arc<AtomicBool>,
    limit: std::time::Duration,
    _done: std::sync::mpsc::Sender<()>,
}

impl Watchdog {
    fn start(limit: std::time::Duration, flag: Arc<AtomicBool>) -> Watchdog {
        let fired = Arc::new(AtomicBool::new(false));
        let (done, wait) = std::sync::mpsc::channel::<()>();
        let f = fired.clone();
        let _ = std::thread::Builder::new()
            .name("fourd-max-time".into())
            .spawn(move || {
                use std::sync::mpsc::RecvTimeoutError::Timeout;
                if let Err(Timeout) = wait.recv_timeout(limit) {
                    f.store(true, Ordering::SeqCst);
                    flag.store(true, Ordering::SeqCst);
                    if let Err(Timeout) = wait.recv_timeout(HARD_STOP_GRACE) {
                        let _ = std::io::stdout().flush();
                        eprintln!("error 35: {}", time_limit_message(limit));
                        std::process::exit(70);
                    }
                }
            });
        Watchdog {
            fired,
            limit,
            _done: done,
        }
    }
}

fn time_limit_message(limit: std::time::Duration) -> String {
    format!(
        "Time limit exceeded: stopped after {} s (--max-time)",
        limit.as_secs_f64()
    )
}

fn run_in_thread(
    path: &Path,
    method: Option<&str>,
    args: &[String],
    data: &DataPath,
    max_time: Option<std::time::Duration>,
) -> u8 {
    let started = std::time::Instant::now();
    let loaded = match project::load(path, method) {
        Ok(l) => l,
        Err(LoadError::Usage(m)) => {
            eprintln!("fourd: {}", m);
            return 64;
        }
        Err(LoadError::Syntax(errs)) => {
            for e in errs {
                eprintln!("{}:{}:{}: {}", e.path.display(), e.line, e.col, e.message);
            }
            return 65;
        }
    };
    for b in &loaded.broken {
        eprintln!("{b}");
    }
    let out = Box::new(std::io::BufWriter::with_capacity(
        1 << 16,
        std::io::stdout(),
    ));
    let errout = Box::new(std::io::stderr());
    let mut it = Interp::new(&loaded.program, out, errout);
    if !loaded.structure.is_empty() {
        let structure = loaded.structure.clone();
        match datastore::open(structure, loaded.project_root.as_deref(), data) {
            Ok(store) => it.db = ProcessDb::new(Some(store), "Main"),
            Err(e) => {
                eprintln!("fourd: {}", e);
                return 64;
            }
        }
    }
    let watchdog = max_time.map(|limit| {
        let flag = Arc::new(AtomicBool::new(false));
        it.interrupt = Some(flag.clone());
        // loading counts against the limit too
        Watchdog::start(limit.saturating_sub(started.elapsed()), flag)
    });
    for &(id, takes_args) in &loaded.entries {
        let a = if takes_args {
            args.iter().map(|s| text(s.as_str())).collect()
        } else {
            Vec::new()
        };
        if let Err(mut e) = it.call_method(id, a, 0) {
            it.flush();
            if let Some(w) = &watchdog {
                if e.code == crate::runtime::error::codes::INTERRUPTED
                    && w.fired.load(Ordering::SeqCst)
                {
                    e.message = time_limit_message(w.limit);
                }
            }
            if e.abort {
                // ABORT stops the run silently
                return 0;
            }
            let _ = std::io::stderr().write_all(render_error(&loaded.program, &e).as_bytes());
            return 70;
        }
    }
    // the other processes run until they end (runtime::scheduler)
    let blocked = crate::runtime::scheduler::finish(&mut it);
    it.flush();
    if !blocked.is_empty() {
        eprintln!(
            "fourd: blocked forever (nothing can resume them): {}",
            blocked.join(", ")
        );
        return 70;
    }
    if it.sched.failed {
        return 70;
    }
    0
}

pub use crate::runtime::error::render_error;
