//! `fourd run`: loads a script or a project and runs it. Exit codes: 0 success,
//! 64 bad usage / missing files, 65 syntax errors, 70 uncaught runtime error.

use crate::commands::application;
use crate::compile::ir::MethodId;
use crate::datastore::{self, DataPath, ProcessDb};
use crate::project::{self, LoadError};
use crate::runtime::interp::Interp;
use crate::runtime::value::text;
use std::io::Write;
use std::path::{Path, PathBuf};
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
    run(RunOptions {
        path: path.to_path_buf(),
        method: method.map(str::to_string),
        args: args.to_vec(),
        data,
        max_time,
        tool4d: None,
    })
}

/// What to run and how: `fourd run` and tool4d's command line (`crate::tool4d`)
/// both come here.
#[derive(Debug, Clone, Default)]
pub struct RunOptions {
    /// A `.4dm` file or a project folder (the folder holding `Project/`).
    pub path: PathBuf,
    /// The project method to run after `On Startup`.
    pub method: Option<String>,
    /// Text parameters of the first method that takes them.
    pub args: Vec<String>,
    pub data: DataPath,
    pub max_time: Option<std::time::Duration>,
    /// Run as tool4d does (see [`Tool4d`]); None: as `fourd run`.
    pub tool4d: Option<Tool4d>,
}

/// tool4d's rules (docs/Admin/cli.md, "Using tool4d"): `On Startup` (unless
/// skipped), the startup method, `On Exit` (unless skipped), then quit. An
/// uncaught error is printed on stderr and ends the method it happened in; the
/// sequence goes on (as in 4D, where the headless error dialog answers "Abort")
/// and the exit code is then 70.
#[derive(Debug, Clone, Default)]
pub struct Tool4d {
    /// `--skip-onstartup`: neither `On Startup` nor `On Exit` runs.
    pub skip_onstartup: bool,
    /// `--user-param`.
    pub user_param: String,
    /// `--dataless`: the tables exist, their records are in memory only.
    pub dataless: bool,
    /// The `.4DProject` file.
    pub structure_file: Option<PathBuf>,
}

/// Runs what `opts` says on an interpreter thread; returns the exit code.
pub fn run(opts: RunOptions) -> u8 {
    let h = std::thread::Builder::new()
        .name("fourd".into())
        .stack_size(STACK_SIZE)
        .spawn(move || run_in_thread(&opts));
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
    /// Fires after `limit`, counted from the start of loading.
    fn start(limit: std::time::Duration, flag: Arc<AtomicBool>) -> Watchdog {
        let fired = Arc::new(AtomicBool::new(false));
        let (done, done_rx) = std::sync::mpsc::channel::<()>();
        let f = fired.clone();
        let _ = std::thread::Builder::new()
            .name("fourd-max-time".into())
            .spawn(move || {
                use std::sync::mpsc::RecvTimeoutError::Timeout;
                if let Err(Timeout) = done_rx.recv_timeout(limit) {
                    f.store(true, Ordering::SeqCst);
                    flag.store(true, Ordering::SeqCst);
                    if let Err(Timeout) = done_rx.recv_timeout(HARD_STOP_GRACE) {
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

fn run_in_thread(opts: &RunOptions) -> u8 {
    let started = std::time::Instant::now();
    let path = opts.path.as_path();
    let args = &opts.args;
    // the limit covers loading (reading, parsing, compiling) too: a file that takes
    // long to parse is stopped by the watchdog's hard stop (error 35, exit 70)
    let watchdog = opts.max_time.map(|limit| {
        let flag = Arc::new(AtomicBool::new(false));
        (Watchdog::start(limit, flag.clone()), flag)
    });
    let loaded = match project::load(path, opts.method.as_deref()) {
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
    let tool4d = opts.tool4d.as_ref();
    let data = match tool4d {
        Some(t) if t.dataless => DataPath::Memory,
        _ => opts.data.clone(),
    };
    // the database methods of the sequence, by the names the loader gives them
    let is_db_method = |id: MethodId, name: &str| {
        loaded.program.method(id).is_some_and(|m| {
            m.name == name
                && !loaded
                    .program
                    .method_names
                    .contains_key(&name.to_lowercase())
        })
    };
    let entries: Vec<(MethodId, bool)> = loaded
        .entries
        .iter()
        .copied()
        .filter(|&(id, _)| {
            !tool4d.is_some_and(|t| t.skip_onstartup)
                || !(is_db_method(id, "On Startup") || is_db_method(id, "On Exit"))
        })
        .collect();
    let on_exit = entries
        .iter()
        .position(|&(id, _)| is_db_method(id, "On Exit"));
    let has_structure = !loaded.structure.is_empty();
    application::set_run_info(application::RunInfo {
        tool4d: tool4d.is_some(),
        user_param: tool4d.map(|t| t.user_param.clone()).unwrap_or_default(),
        structure_file: tool4d.and_then(|t| t.structure_file.clone()),
        data_file: if has_structure {
            datastore::data_file(loaded.project_root.as_deref(), &data)
        } else {
            None
        },
        dataless: tool4d.is_some_and(|t| t.dataless),
        started,
    });
    let out = Box::new(std::io::BufWriter::with_capacity(
        1 << 16,
        std::io::stdout(),
    ));
    let errout = Box::new(std::io::stderr());
    let mut it = Interp::new(&loaded.program, out, errout);
    if has_structure {
        let structure = loaded.structure.clone();
        match datastore::open(structure, loaded.project_root.as_deref(), &data) {
            Ok(store) => it.db = ProcessDb::new(Some(store), "Main"),
            Err(e) => {
                eprintln!("fourd: {}", e);
                return 64;
            }
        }
    }
    let watchdog = watchdog.map(|(w, flag)| {
        it.interrupt = Some(flag);
        w
    });
    let mut failed = false;
    let mut i = 0;
    while i < entries.len() {
        let (id, takes_args) = entries[i];
        let a = if takes_args {
            args.iter().map(|s| text(s.as_str())).collect()
        } else {
            Vec::new()
        };
        let result = it.call_method(id, a, 0);
        i += 1;
        let Err(mut e) = result else { continue };
        it.flush();
        if let Some(w) = &watchdog {
            if e.code == crate::runtime::error::codes::INTERRUPTED && w.fired.load(Ordering::SeqCst)
            {
                e.message = time_limit_message(w.limit);
            }
        }
        if e.abort && application::quit_requested() {
            // QUIT 4D: the process stops, On Exit runs (unless it was the one
            // quitting, or skipped), then the application quits
            match on_exit {
                Some(x) if x >= i => i = x,
                _ => break,
            }
            continue;
        }
        if e.abort {
            if tool4d.is_some() {
                continue; // ABORT ends the method; the sequence goes on
            }
            return 0; // ABORT stops a `fourd run` silently
        }
        let _ = std::io::stderr().write_all(render_error(&loaded.program, &e).as_bytes());
        let timed_out = watchdog
            .as_ref()
            .is_some_and(|w| w.fired.load(Ordering::SeqCst));
        if tool4d.is_none() || timed_out {
            return 70; // past the time limit nothing more runs, On Exit neither
        }
        failed = true;
    }
    if application::quit_requested() {
        // the other processes are aborted (Interp's drop ends them)
        it.flush();
        return if failed { 70 } else { 0 };
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
    if it.sched.failed || failed {
        return 70;
    }
    0
}

pub use crate::runtime::error::render_error;
