//! The application as the host started it: what `fourd --project ...` (tool4d's
//! command line) or `fourd run` was given, and the commands that read it:
//! `Application info`, `Get database parameter` / `SET DATABASE PARAMETER`,
//! `Data file`, `Get 4D file`, `QUIT 4D`. Doc pages: docs/commands-legacy/<name>.md.
//!
//! The host sets the [`RunInfo`] of the interpreter thread before running code
//! ([`set_run_info`]) and asks afterwards whether `QUIT 4D` was called
//! ([`quit_requested`]). They are kept per thread: a run's interpreter lives on
//! one thread ([choice] until the run-wide world of `runtime` holds them).

use super::{Args, CommandDef};
use crate::cmd;
use crate::runtime::error::{codes, err, rt_error, RtResult};
use crate::runtime::interp::Interp;
use crate::runtime::value::{new_object, text, Value};
use std::cell::RefCell;
use std::path::PathBuf;
use std::rc::Rc;
use std::time::Instant;

pub const COMMANDS: &[CommandDef] = &[
    cmd!("Application info", application_info),
    cmd!(
        "Get database parameter",
        get_database_parameter,
        refs = 0b110
    ),
    cmd!("SET DATABASE PARAMETER", set_database_parameter),
    cmd!("Data file", data_file),
    cmd!("Get 4D file", get_4d_file),
    cmd!("QUIT 4D", quit_4d),
];

/// What the host was asked to run.
#[derive(Debug, Clone)]
pub struct RunInfo {
    /// Started with tool4d's command line (`fourd --project ...`).
    pub tool4d: bool,
    /// `--user-param`: `Get database parameter(User param value; $text)`.
    pub user_param: String,
    /// The `.4DProject` file (None for a script).
    pub structure_file: Option<PathBuf>,
    /// The data file opened (None: records in memory).
    pub data_file: Option<PathBuf>,
    /// `--dataless`: no data file, records in memory.
    pub dataless: bool,
    pub started: Instant,
}

impl Default for RunInfo {
    fn default() -> RunInfo {
        RunInfo {
            tool4d: false,
            user_param: String::new(),
            structure_file: None,
            data_file: None,
            dataless: false,
            started: Instant::now(),
        }
    }
}

#[derive(Default)]
struct RunState {
    info: RunInfo,
    /// Values set by `SET DATABASE PARAMETER`: selector → (number, text).
    params: Vec<(i64, f64, String)>,
    quit: bool,
}

thread_local! {
    static RUN: RefCell<RunState> = RefCell::new(RunState::default());
}

/// Sets what this thread's run was started with (and forgets the parameters and
/// the `QUIT 4D` of a previous run).
pub fn set_run_info(info: RunInfo) {
    RUN.with(|r| {
        *r.borrow_mut() = RunState {
            info,
            ..Default::default()
        }
    });
}

/// The run's [`RunInfo`].
pub fn run_info() -> RunInfo {
    RUN.with(|r| r.borrow().info.clone())
}

/// Whether `QUIT 4D` was called in this run.
pub fn quit_requested() -> bool {
    RUN.with(|r| r.borrow().quit)
}

/// quit-4d.md: "the current process stops its execution", then `On Exit` runs
/// (unless `--skip-onstartup`) and the application quits with exit code 0. The
/// stop is an abort that the host recognizes by [`quit_requested`]. [choice] The
/// `time` parameter (4D Server only) is accepted and ignored.
fn quit_4d(_: &mut Interp, _: &mut Args) -> RtResult<Value> {
    RUN.with(|r| r.borrow_mut().quit = true);
    let mut e = rt_error(codes::INTERRUPTED, "QUIT 4D");
    e.abort = true;
    Err(e)
}

/// application-info.md, for a standalone headless run: `headless` (always True:
/// fourd has no interface), `launchedAsService` False, `pid`, `uptime` (seconds
/// since the run started), `cpuUsage` (percent of one core used by this process
/// since it started), `volumeShadowCopyStatus` "notAvailable" (Windows only),
/// `SDIMode`, `useFluentUI`, `canUseFluentUI` False; network throughputs 0 ([choice]
/// fourd does not sample them).
fn application_info(_: &mut Interp, _: &mut Args) -> RtResult<Value> {
    let info = run_info();
    let uptime = info.started.elapsed().as_secs_f64();
    let cpu = super::sysinfo::process_cpu_seconds()
        .map(|c| {
            if uptime > 0.0 {
                100.0 * c / uptime
            } else {
                0.0
            }
        })
        .unwrap_or(0.0);
    let o = new_object();
    {
        let mut b = o.borrow_mut();
        let mut set = |k: &str, v: Value| {
            b.insert(Rc::from(k), v);
        };
        set("launchedAsService", Value::Bool(false));
        set("volumeShadowCopyStatus", text("notAvailable"));
        set("cpuUsage", Value::Real((cpu * 1000.0).round() / 1000.0));
        set("uptime", Value::Real(uptime.floor()));
        set("headless", Value::Bool(true));
        set("pid", Value::Real(std::process::id() as f64));
        set("networkInputThroughput", Value::Real(0.0));
        set("networkOutputThroughput", Value::Real(0.0));
        set("SDIMode", Value::Bool(false));
        set("useFluentUI", Value::Bool(false));
        set("canUseFluentUI", Value::Bool(false));
    }
    Ok(Value::Object(o))
}

/// Selectors of get-database-parameter.md that mean something headless, with
/// their value when nothing set them: (selector, default number, settable).
/// [choice] Other selectors read 0 and `SET DATABASE PARAMETER` stores them too
/// (they change nothing in fourd, as most do nothing without 4D's servers).
const PARAMS: &[(i64, f64, bool)] = &[
    (15, 80.0, true),   // Port ID
    (31, 0.0, false),   // Table sequence number (see below)
    (34, 0.0, true),    // Debug log recording
    (54, 20.0, true),   // Idle connections timeout
    (79, 0.0, true),    // Diagnostic log recording
    (85, 0.0, true),    // Dates inside objects
    (86, 2.0, true),    // Diagnostic log level (Log info)
    (90, 0.0, true),    // Circular log limitation
    (92, 0.0, true),    // Number of formulas in cache
    (95, 0.0, true),    // Cache flush periodicity
    (101, 1.0, true),   // Tips enabled
    (102, 45.0, true),  // Tips delay
    (103, 720.0, true), // Tips duration
    (108, 0.0, false),  // User param value (text)
    (109, 0.0, true),   // Times inside objects
    (111, 0.0, true),   // Current process debug log recording
    (112, 1.0, false),  // Is current database a project
    (121, 0.0, true),   // Pause logging
];

/// The selector (and where it is) of `({table;} selector {; ...})`: a first
/// argument that is not a number is the table.
fn selector(it: &Interp, a: &Args, cmd: &str) -> RtResult<(i64, usize)> {
    let at = usize::from(a.len() >= 2 && !deref(it, a.get(0)).is_number());
    match deref(it, a.get(at)) {
        v if v.is_number() => Ok((v.as_num().unwrap_or(0.0) as i64, at)),
        v => err(
            codes::TYPE_MISMATCH,
            format!(
                "{cmd}: the selector must be a number, got {}",
                v.type_name()
            ),
        ),
    }
}

/// The value of an argument passed by reference (or the argument itself).
fn deref(it: &Interp, v: &Value) -> Value {
    match v {
        Value::Pointer(p) => it.deref_raw(p).unwrap_or(Value::Undefined),
        v => v.clone(),
    }
}

/// get-database-parameter.md: `Get database parameter({table;} selector{;
/// stringValue})`: the number as the result, a text value in `stringValue`.
/// `User param value` (108) gives the `--user-param` text ("" without one).
/// `Table sequence number` (31) reads 0 ([choice] the datastore numbers records
/// itself).
fn get_database_parameter(it: &mut Interp, a: &mut Args) -> RtResult<Value> {
    let (sel, at) = selector(it, a, "Get database parameter")?;
    let (num, txt) = RUN.with(|r| {
        let r = r.borrow();
        if sel == 108 {
            return (0.0, r.info.user_param.clone());
        }
        if let Some((_, n, t)) = r.params.iter().find(|p| p.0 == sel) {
            return (*n, t.clone());
        }
        let n = PARAMS.iter().find(|p| p.0 == sel).map_or(0.0, |p| p.1);
        (n, String::new())
    });
    if let Value::Pointer(p) = a.get(at + 1) {
        let p = p.clone();
        it.store_ptr(&p, text(txt))?;
    }
    Ok(Value::Real(num))
}

/// set-database-parameter.md: `SET DATABASE PARAMETER({table;} selector; value)`
/// with a number or a text. Read-only selectors (User param value, Is current
/// database a project, Table sequence number) are left as they are.
fn set_database_parameter(it: &mut Interp, a: &mut Args) -> RtResult<Value> {
    let (sel, at) = selector(it, a, "SET DATABASE PARAMETER")?;
    if a.len() <= at + 1 {
        return err(codes::BAD_ARG, "SET DATABASE PARAMETER: missing value");
    }
    if PARAMS.iter().any(|p| p.0 == sel && !p.2) {
        return Ok(Value::Undefined);
    }
    let (n, t) = match deref(it, a.get(at + 1)) {
        Value::Text(t) => (0.0, t.to_string()),
        v if v.is_number() => (v.as_num().unwrap_or(0.0), String::new()),
        Value::Bool(b) => (if b { 1.0 } else { 0.0 }, String::new()),
        v => {
            return err(
                codes::TYPE_MISMATCH,
                format!(
                    "SET DATABASE PARAMETER: the value must be a number or a text, got {}",
                    v.type_name()
                ),
            )
        }
    };
    RUN.with(|r| {
        let mut r = r.borrow_mut();
        r.params.retain(|p| p.0 != sel);
        r.params.push((sel, n, t));
    });
    Ok(Value::Undefined)
}

/// data-file.md: the full path of the open data file; "" when records are in
/// memory (`--dataless`, a script) ([choice]: there is no file to name).
fn data_file(_: &mut Interp, _: &mut Args) -> RtResult<Value> {
    let f = run_info().data_file;
    Ok(text(
        f.map(|p| std::fs::canonicalize(&p).unwrap_or(p))
            .map(|p| p.to_string_lossy().into_owned())
            .unwrap_or_default(),
    ))
}

/// get-4d-file.md: `Get 4D file(file{; *})`: the path of a file of the
/// application, whether or not it exists yet. [choice] Settings files are under
/// `<project>/Settings` (`User settings file for data`: the data folder's
/// `Settings`), logs in the `Logs` folder of `Get 4D folder(Logs folder)` with 4D's names (the diagnostic log
/// prefixed `4DDiagnosticLogTool` in a tool4d run, as the tool4d docs say);
/// `Last backup file` is "" (no backup), unknown selectors give error 54 (bad
/// argument).
fn get_4d_file(it: &mut Interp, a: &mut Args) -> RtResult<Value> {
    let sel = a.num(0, "Get 4D file")? as i64;
    let db = super::system::database_folder(it);
    let info = run_info();
    let data_folder = super::system::data_folder(&db);
    let logs = data_folder.join("Logs");
    let settings = db.join("Settings");
    let p = match sel {
        1 | 18 => settings.join("Backup.4DSettings"),
        2 => return Ok(text("")),
        3 => settings.join("settings.4DSettings"),
        4 => data_folder.join("Settings").join("settings.4DSettings"),
        5 => logs.join("VerificationLog.xml"),
        6 => logs.join("CompactingLog.xml"),
        7 => logs.join("RepairLog.xml"),
        8 => logs.join("logweb.txt"),
        9 => logs.join("HTTPDebugLog_1.txt"),
        10 => logs.join("4DRequestsLog_1.txt"),
        11 if info.tool4d => logs.join("4DDiagnosticLogTool_1.txt"),
        11 => logs.join("4DDiagnosticLog_1.txt"),
        12 => logs.join("4DDebugLog_1.txt"),
        13 => logs.join("Backup").join("backupJournal.txt"),
        14 => logs.join("BuildApp.log"),
        15 => logs.join("4DSMTPLog_1.txt"),
        16 => settings.join("directory.json"),
        19 => logs.join("Backup").join("BackupHistory.json"),
        20 => settings.join("buildApp.4DSettings"),
        22 => logs.join("JournalIntegrationLog.txt"),
        _ => {
            return err(
                codes::BAD_ARG,
                format!("Get 4D file: unknown file selector {sel}"),
            )
        }
    };
    Ok(text(p.to_string_lossy().into_owned()))
}
