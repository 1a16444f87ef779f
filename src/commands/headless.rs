//! Environment commands whose headless answer is fixed or simple, found missing by
//! running public 4D code (see README, "Real code"): modifier keys, users, the
//! structure file, `IDLE`, `SET ENVIRONMENT VARIABLE`, `QUIT 4D`. Doc pages:
//! developer.4d.com/docs/commands/<name>.

use super::{Args, CommandDef};
use crate::cmd;
use crate::runtime::error::{codes, rt_error, RtResult};
use crate::runtime::interp::Interp;
use crate::runtime::value::{text, Value};

pub const COMMANDS: &[CommandDef] = &[
    cmd!("Shift down", no_key),
    cmd!("Caps lock down", no_key),
    cmd!("Macintosh option down", no_key),
    cmd!("Macintosh command down", no_key),
    cmd!("Macintosh control down", no_key),
    cmd!("Windows Ctrl down", no_key),
    cmd!("Windows Alt down", no_key),
    cmd!("Current user", current_user),
    cmd!("Current system user", current_system_user),
    cmd!("Structure file", structure_file),
    cmd!("IDLE", idle),
    cmd!("SET ENVIRONMENT VARIABLE", set_environment_variable),
    cmd!("QUIT 4D", quit_4d),
];

/// shift-down.md and the other modifier-key functions: no keyboard in a headless
/// run, so no key is down (False).
fn no_key(_: &mut Interp, _: &mut Args) -> RtResult<Value> {
    Ok(Value::Bool(false))
}

/// current-user.md: without the 4D password system the user is "Designer".
fn current_user(_: &mut Interp, _: &mut Args) -> RtResult<Value> {
    Ok(text("Designer"))
}

/// current-system-user.md: the name of the operating system's user.
fn current_system_user(_: &mut Interp, _: &mut Args) -> RtResult<Value> {
    let u = std::env::var("USER")
        .or_else(|_| std::env::var("USERNAME"))
        .unwrap_or_default();
    Ok(text(u))
}

/// structure-file.md: the full path of the structure file; for a project,
/// `<folder>/Project/<name>.4DProject` ([choice] `<folder>/<folder name>.4DProject`
/// beside a script).
fn structure_file(it: &mut Interp, _: &mut Args) -> RtResult<Value> {
    let db = super::system::database_folder(it);
    let name = db
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let proj = db.join("Project");
    let p = if proj.is_dir() {
        proj.join(format!("{}.4DProject", name))
    } else {
        db.join(format!("{}.4DProject", name))
    };
    Ok(text(p.to_string_lossy().into_owned()))
}

/// idle.md: lets 4D run other processes: the current process yields
/// (`runtime::scheduler`).
fn idle(it: &mut Interp, _: &mut Args) -> RtResult<Value> {
    crate::runtime::scheduler::yield_now(it)?;
    Ok(Value::Undefined)
}

/// set-environment-variable.md: sets (or, with "", removes) a variable of the
/// environment of the run.
fn set_environment_variable(_: &mut Interp, a: &mut Args) -> RtResult<Value> {
    let name = a.text(0, "SET ENVIRONMENT VARIABLE")?;
    let value = a.text(1, "SET ENVIRONMENT VARIABLE")?;
    if name.is_empty() || name.contains('=') || name.contains('\0') || value.contains('\0') {
        return Ok(Value::Undefined);
    }
    if value.is_empty() {
        std::env::remove_var(name.as_str());
    } else {
        std::env::set_var(name.as_str(), value.as_str());
    }
    Ok(Value::Undefined)
}

/// quit-4d.md: quits the application: fourd ends the run (exit code 0, as `ABORT`).
fn quit_4d(_: &mut Interp, _: &mut Args) -> RtResult<Value> {
    let mut e = rt_error(codes::INTERRUPTED, "QUIT 4D");
    e.abort = true;
    Err(e)
}
