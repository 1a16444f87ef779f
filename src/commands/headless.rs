//! Environment commands whose headless answer is fixed or simple, found missing by
//! running public 4D code (see README, "Real code"): modifier keys, users, the
//! structure file, `IDLE`, `SET ENVIRONMENT VARIABLE`, `Get Application color
//! scheme` ("light": no screen, no dark mode), `VOLUME LIST` (the root "/" first,
//! then the other device-backed mount points) (`QUIT 4D`: `application`). Doc pages:
//! developer.4d.com/docs/commands/<name>.

use super::{Args, CommandDef};
use crate::cmd;
use crate::runtime::error::RtResult;
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
    cmd!("Current machine", current_machine),
    cmd!("System folder", system_folder),
    cmd!("Application file", application_file),
    cmd!("Convert path system to POSIX", convert_path),
    cmd!("Convert path POSIX to system", convert_path),
    cmd!("Get Application color scheme", color_scheme),
    cmd!("VOLUME LIST", volume_list, refs = 1),
];

/// docs/commands/get-application-color-scheme.md: "light", "dark" or
/// "inherited" (with `*`); a headless run has no appearance: "light".
fn color_scheme(_: &mut Interp, _: &mut Args) -> RtResult<Value> {
    Ok(text("light"))
}

/// docs/commands/volume-list.md: the names of the mounted volumes.
fn volume_list(it: &mut Interp, a: &mut Args) -> RtResult<Value> {
    let mut names = vec!["/".to_string()];
    if let Ok(m) = std::fs::read_to_string("/proc/mounts") {
        for l in m.lines() {
            let f: Vec<&str> = l.split_whitespace().collect();
            if f.len() >= 2 && f[0].starts_with("/dev/") && !names.iter().any(|n| n == f[1]) {
                names.push(f[1].to_string());
            }
        }
    }
    super::fill_array(
        it,
        a,
        0,
        "VOLUME LIST",
        names.into_iter().map(text).collect(),
    )?;
    Ok(Value::Undefined)
}

/// convert-path-system-to-posix.md / convert-path-posix-to-system.md: on a POSIX
/// system (where fourd runs) both syntaxes are the same: the path is returned as
/// it is ([choice] the `*` option, about encoded characters on macOS, changes
/// nothing).
fn convert_path(_: &mut Interp, a: &mut Args) -> RtResult<Value> {
    Ok(Value::Text(a.text(0, "Convert path system to POSIX")?))
}

/// current-machine.md: the network name of the machine.
fn current_machine(_: &mut Interp, _: &mut Args) -> RtResult<Value> {
    let h = std::fs::read_to_string("/proc/sys/kernel/hostname")
        .map(|s| s.trim().to_string())
        .or_else(|_| std::env::var("HOSTNAME"))
        .unwrap_or_default();
    Ok(text(h))
}

fn folder_text(p: std::path::PathBuf) -> Value {
    let mut s = p.to_string_lossy().into_owned();
    if !s.ends_with(std::path::MAIN_SEPARATOR) {
        s.push(std::path::MAIN_SEPARATOR);
    }
    text(s)
}

/// system-folder.md: `System folder{(type)}`, a folder path ending with a separator.
/// [choice] on Linux: `System` (0, the default) is `/`; `Fonts` (1) `/usr/share/fonts`;
/// `User preferences_all` (2) `/etc`; `User preferences_user` (3) `~/.config`;
/// `Desktop` (15) `~/Desktop`; `Applications or program files` (16) `/usr/bin`;
/// `Documents folder` (17) `~/Documents`; other types give the home folder.
fn system_folder(_: &mut Interp, a: &mut Args) -> RtResult<Value> {
    let sel = a.opt_num(0, "System folder")?.unwrap_or(0.0) as i64;
    let home = std::env::var_os("HOME")
        .map(std::path::PathBuf::from)
        .unwrap_or_else(|| std::path::PathBuf::from("/"));
    Ok(folder_text(match sel {
        0 => "/".into(),
        1 => "/usr/share/fonts".into(),
        2 => "/etc".into(),
        3 => home.join(".config"),
        15 => home.join("Desktop"),
        16 => "/usr/bin".into(),
        17 => home.join("Documents"),
        _ => home,
    }))
}

/// application-file.md: the path of the running application (the fourd executable).
fn application_file(_: &mut Interp, _: &mut Args) -> RtResult<Value> {
    let p = std::env::current_exe().unwrap_or_default();
    Ok(text(p.to_string_lossy().into_owned()))
}

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
    if let Some(f) = super::application::run_info().structure_file {
        // the .4DProject file tool4d's command line was given
        let f = std::fs::canonicalize(&f).unwrap_or(f);
        return Ok(text(f.to_string_lossy().into_owned()));
    }
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
