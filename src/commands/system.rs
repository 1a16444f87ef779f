//! Environment, pointers by name and headless dialogs: `Get pointer`,
//! `RESOLVE POINTER`, `Is a variable`, `CONFIRM`, `Request`, `BEEP`,
//! `Is Windows`, `Is macOS`, `Get 4D folder`, `Application version`.

use super::{Args, CommandDef};
use crate::cmd;
use crate::runtime::error::{codes, err, RtResult};
use crate::runtime::interp::Interp;
use crate::runtime::value::{text, ArrRef, ElemRef, Ptr, Value};
use std::rc::Rc;

pub const COMMANDS: &[CommandDef] = &[
    cmd!("Get pointer", get_pointer),
    cmd!("RESOLVE POINTER", resolve_pointer, refs = 0b1110),
    cmd!("Is a variable", is_a_variable),
    cmd!("CONFIRM", confirm),
    cmd!("Request", request),
    cmd!("BEEP", nop),
    cmd!("Is Windows", is_windows),
    cmd!("Is macOS", is_macos),
    cmd!("Get 4D folder", get_4d_folder),
    cmd!("Application version", application_version, refs = 1),
];

fn nop(_: &mut Interp, _: &mut Args) -> RtResult<Value> {
    Ok(Value::Undefined)
}

/// The current frame's base in the local stack.
fn frame_base(it: &Interp) -> usize {
    it.frame().map(|f| f.base).unwrap_or(0)
}

/// A variable pointer from a name (`v`, `<>v`, `$v`), or `None`.
fn var_ptr(it: &Interp, name: &str) -> Option<Ptr> {
    let prog = it.prog;
    let eq = |a: &str| a.eq_ignore_ascii_case(name);
    if let Some(rest) = name.strip_prefix("<>") {
        return prog
            .inter_vars
            .iter()
            .position(|v| v.name.eq_ignore_ascii_case(rest) || eq(&v.name))
            .map(|i| Ptr::Inter(i as u32));
    }
    if name.starts_with('$') {
        let m = it.current_method()?;
        let s = m.slot_names.iter().position(|n| eq(n))?;
        return Some(Ptr::Local {
            abs: (frame_base(it) + s) as u32,
            name: m.slot_names[s].clone(),
        });
    }
    prog.process_vars
        .iter()
        .position(|v| eq(&v.name))
        .map(|i| Ptr::Process(i as u32))
}

// docs/commands-legacy/get-pointer.md: a process or interprocess variable name,
// optionally followed by `{n}` or `{n}{m}` (array elements). fourd also accepts
// local names of the running method. An unknown name gives a nil pointer.
fn get_pointer(it: &mut Interp, a: &mut Args) -> RtResult<Value> {
    let full = a.text(0, "Get pointer")?;
    let full = full.trim();
    let (name, idx) = match full.find('{') {
        Some(i) => (&full[..i], &full[i..]),
        None => (full, ""),
    };
    let indices: Vec<i32> = idx
        .split(['{', '}'])
        .filter(|s| !s.trim().is_empty())
        .map(|s| s.trim().parse::<i32>().unwrap_or(-1))
        .collect();
    let Some(mut p) = var_ptr(it, name) else {
        return Ok(Value::Pointer(Rc::new(Ptr::Nil)));
    };
    for i in indices {
        let v = it.deref_raw(&p)?;
        let Value::Array(arr) = v else {
            return Ok(Value::Pointer(Rc::new(Ptr::Nil)));
        };
        p = Ptr::Element(ElemRef {
            array: arr,
            index: i,
        });
    }
    Ok(Value::Pointer(Rc::new(p)))
}

/// Finds the name of the variable holding `arr` (or the row of a 2-D array
/// holding it: then also the row number).
fn array_name(it: &Interp, arr: &ArrRef) -> Option<(String, Option<i32>)> {
    let prog = it.prog;
    let mut cands: Vec<(String, &Value)> = Vec::new();
    for (i, v) in it.process.vars.iter().enumerate() {
        cands.push((prog.process_vars[i].name.to_string(), v));
    }
    for (i, v) in it.inter.iter().enumerate() {
        cands.push((format!("<>{}", prog.inter_vars[i].name), v));
    }
    if let Some(m) = it.current_method() {
        let base = frame_base(it);
        for (s, n) in m.slot_names.iter().enumerate() {
            if let Some(v) = it.locals.get(base + s) {
                cands.push((n.to_string(), v));
            }
        }
    }
    for (name, v) in cands {
        if let Value::Array(a) = v {
            if Rc::ptr_eq(a, arr) {
                return Some((name, None));
            }
            let ab = a.borrow();
            if ab.two_d {
                for (r, row) in ab.elems.iter().enumerate() {
                    if let Value::Array(ra) = row {
                        if Rc::ptr_eq(ra, arr) {
                            return Some((name, Some(r as i32)));
                        }
                    }
                }
            }
        }
    }
    None
}

// docs/commands-legacy/resolve-pointer.md: nil → "", 0, 0; variable or array →
// name, -1, -1; element → array name, element, -1; 2-D element → name, row,
// column. fourd resolves local variables too (4D does not).
fn resolve_pointer(it: &mut Interp, a: &mut Args) -> RtResult<Value> {
    let p = match a.get(0) {
        Value::Pointer(p) => p.clone(),
        v => {
            return err(
                codes::TYPE_MISMATCH,
                format!("RESOLVE POINTER: pointer expected, got {}", v.type_name()),
            )
        }
    };
    let prog = it.prog;
    let (name, t, f) = match &*p {
        Ptr::Nil => (String::new(), 0, 0),
        Ptr::Local { name, .. } => (name.to_string(), -1, -1),
        Ptr::Process(id) => (prog.process_vars[*id as usize].name.to_string(), -1, -1),
        Ptr::Inter(id) => (format!("<>{}", prog.inter_vars[*id as usize].name), -1, -1),
        Ptr::Element(e) => match array_name(it, &e.array) {
            Some((n, None)) => (n, e.index, -1),
            Some((n, Some(row))) => (n, row, e.index),
            None => (String::new(), e.index, -1),
        },
        // a table: its number and 0; a field: table and field numbers
        Ptr::Table(t) => (String::new(), *t as i32, 0),
        Ptr::Field(t, f) => (String::new(), *t as i32, *f as i32),
    };
    for (i, v) in [(1, text(name)), (2, Value::Int(t)), (3, Value::Int(f))] {
        if let Value::Pointer(q) = a.get(i).clone() {
            it.store_ptr(&q, v)?;
        }
    }
    Ok(Value::Undefined)
}

// docs/commands-legacy/is-a-variable.md
fn is_a_variable(_: &mut Interp, a: &mut Args) -> RtResult<Value> {
    Ok(Value::Bool(match a.get(0) {
        Value::Pointer(p) => !matches!(**p, Ptr::Nil),
        _ => false,
    }))
}

// docs/commands-legacy/confirm.md: headless, the dialog is accepted: OK = 1.
fn confirm(it: &mut Interp, _: &mut Args) -> RtResult<Value> {
    super::set_ok(it, 1);
    Ok(Value::Undefined)
}

// docs/commands-legacy/request.md: headless, the dialog is accepted with its
// default value: OK = 1, the result is the default response ("" if none).
fn request(it: &mut Interp, a: &mut Args) -> RtResult<Value> {
    super::set_ok(it, 1);
    Ok(match a.get(1) {
        Value::Undefined => text(""),
        v => text(crate::runtime::format::try_to_text(v)?),
    })
}

fn is_windows(_: &mut Interp, _: &mut Args) -> RtResult<Value> {
    Ok(Value::Bool(cfg!(windows)))
}

fn is_macos(_: &mut Interp, _: &mut Args) -> RtResult<Value> {
    Ok(Value::Bool(cfg!(target_os = "macos")))
}

fn with_sep(p: std::path::PathBuf) -> String {
    let mut s = p.to_string_lossy().into_owned();
    if !s.ends_with(std::path::MAIN_SEPARATOR) {
        s.push(std::path::MAIN_SEPARATOR);
    }
    s
}

/// The folder of the running project (or of the script): the directory of the
/// first method's file, its `Project/..` parent when inside a 4D project.
pub fn database_folder(it: &Interp) -> std::path::PathBuf {
    let first = it
        .prog
        .methods
        .first()
        .map(|m| m.path.clone())
        .unwrap_or_default();
    let abs = std::fs::canonicalize(&first).unwrap_or(first);
    let mut dir = abs.parent().map(|p| p.to_path_buf()).unwrap_or_default();
    for anc in abs.ancestors() {
        if anc.file_name().map(|n| n == "Project").unwrap_or(false) {
            if let Some(p) = anc.parent() {
                dir = p.to_path_buf();
            }
            break;
        }
    }
    dir
}

// docs/commands-legacy/get-4d-folder.md: platform path ending with a separator.
// Headless fourd: Database folder (4, 5 in POSIX syntax), Current resources
// folder (6), HTML Root folder (8: `WebFolder`) derive from the project folder;
// Data folder (9) is the data file's folder (`Data/` by default), with Logs (7)
// and MobileApps (10) inside it ([choice] fourd creates no folder: 4D creates
// Resources and Logs when asked, which would litter a test run's tree); the
// active 4D folder (0) is `$HOME/.fourd`, Licenses (1) inside it. [choice] 4D
// Client database folder (3), meaningless without 4D Server, is the database
// folder. Another number: "" and OK set to 0.
fn get_4d_folder(it: &mut Interp, a: &mut Args) -> RtResult<Value> {
    let sel = a.opt_num(0, "Get 4D folder")?.unwrap_or(0.0) as i64;
    let db = database_folder(it);
    let home = std::env::var_os("HOME")
        .map(std::path::PathBuf::from)
        .unwrap_or_else(std::env::temp_dir)
        .join(".fourd");
    let data = data_folder(&db);
    let p = match sel {
        0 => home,
        1 => home.join("Licenses"),
        3 | 4 => db,
        5 => {
            let mut s = with_sep(db).replace('\\', "/");
            if !s.ends_with('/') {
                s.push('/');
            }
            return Ok(text(s));
        }
        6 => db.join("Resources"),
        7 => data.join("Logs"),
        8 => db.join("WebFolder"),
        9 => data,
        10 => data.join("MobileApps"),
        _ => {
            super::set_ok(it, 0);
            return Ok(text(""));
        }
    };
    Ok(text(with_sep(p)))
}

/// The folder of the data file (`<database folder>/Data` when none is open).
pub fn data_folder(db: &std::path::Path) -> std::path::PathBuf {
    super::application::run_info()
        .data_file
        .and_then(|f| {
            let f = std::fs::canonicalize(&f).unwrap_or(f);
            f.parent().map(std::path::Path::to_path_buf)
        })
        .unwrap_or_else(|| db.join("Data"))
}

/// application-version.md: `Application version{(buildNum{; *})}`: "2100", 4D
/// 21.0 (the language level fourd follows, LANGUAGE.md); with `*` the long form
/// "F0012100" (a final version, internal number 001). [choice] `buildNum`
/// receives 0: fourd has no 4D build number.
fn application_version(it: &mut Interp, a: &mut Args) -> RtResult<Value> {
    if let Value::Pointer(p) = a.get(0) {
        let p = p.clone();
        it.store_ptr(&p, Value::Int(0))?;
    }
    Ok(text(if a.star { "F0012100" } else { "2100" }))
}
