//! `File` and `Folder` (4D.File / 4D.Folder, docs/API/FileClass.md and
//! FolderClass.md): objects whose properties (`name`, `extension`, `fullName`,
//! `path`, `platformPath`, `exists`, `isFile`, `isFolder`, `size`) are filled
//! when the object is made and refreshed after each of its functions:
//! `create()`, `delete()`, `getText()`, `setText()`, `getContent()`,
//! `setContent()`, `copyTo()`, `moveTo()`, `rename()`, `file()`, `folder()`,
//! `files()`, `folders()`. Paths are POSIX; the filesystems `/PACKAGE`,
//! `/PROJECT`, `/RESOURCES`, `/DATA`, `/LOGS` are resolved from the project
//! folder (the script's folder outside a project).

use super::{Args, CommandDef};
use crate::cmd;
use crate::runtime::error::{err, RtResult};
use crate::runtime::interp::Interp;
use crate::runtime::value::{new_collection, new_object, text, Obj, Value};
use std::cell::RefCell;
use std::path::{Path, PathBuf};
use std::rc::{Rc, Weak};

pub const COMMANDS: &[CommandDef] = &[cmd!("File", file_cmd), cmd!("Folder", folder_cmd)];

type Weakref = Weak<RefCell<crate::runtime::value::ObjMap>>;

thread_local! {
    /// Live File/Folder objects: (object, path, is folder).
    static FS: RefCell<Vec<(Weakref, PathBuf, bool)>> = const { RefCell::new(Vec::new()) };
}

fn lookup(o: &Obj) -> Option<(PathBuf, bool)> {
    FS.with(|f| {
        f.borrow()
            .iter()
            .find(|(w, _, _)| std::ptr::eq(w.as_ptr(), Rc::as_ptr(o)))
            .map(|(_, p, d)| (p.clone(), *d))
    })
}

/// Whether an object is a File or Folder object.
pub fn is_fs_object(o: &Obj) -> bool {
    lookup(o).is_some()
}

fn posix(p: &Path, folder: bool) -> String {
    let mut s = p.to_string_lossy().replace('\\', "/");
    if folder && !s.ends_with('/') {
        s.push('/');
    }
    s
}

fn fill(o: &Obj, p: &Path, folder: bool) {
    let meta = std::fs::metadata(p).ok();
    let exists = meta.as_ref().map(|m| m.is_dir() == folder).unwrap_or(false);
    let file_name = p
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let (name, ext) = match file_name.rfind('.') {
        Some(i) if i > 0 && !folder => (file_name[..i].to_string(), file_name[i..].to_string()),
        _ => (file_name.clone(), String::new()),
    };
    let mut m = o.borrow_mut();
    m.insert("name".into(), text(name));
    m.insert("extension".into(), text(ext));
    m.insert("fullName".into(), text(file_name));
    m.insert("path".into(), text(posix(p, folder)));
    let mut plat = p.to_string_lossy().into_owned();
    if folder && !plat.ends_with(std::path::MAIN_SEPARATOR) {
        plat.push(std::path::MAIN_SEPARATOR);
    }
    m.insert("platformPath".into(), text(plat));
    m.insert("exists".into(), Value::Bool(exists));
    m.insert("isFile".into(), Value::Bool(!folder));
    m.insert("isFolder".into(), Value::Bool(folder));
    if !folder {
        let size = meta.map(|m| m.len() as f64).unwrap_or(0.0);
        m.insert("size".into(), Value::Real(size));
    }
}

/// Makes a File (`folder` false) or Folder object for a path.
pub fn make(p: PathBuf, folder: bool) -> Value {
    let o = new_object();
    fill(&o, &p, folder);
    FS.with(|f| {
        let mut f = f.borrow_mut();
        if f.len() > 1024 {
            f.retain(|(w, _, _)| w.strong_count() > 0);
        }
        f.push((Rc::downgrade(&o), p, folder));
    });
    Value::Object(o)
}

fn from_4d_path(it: &Interp, t: &str, platform: bool) -> PathBuf {
    if platform {
        return super::files::resolve(it, t);
    }
    let db = super::system::database_folder(it);
    let fs = [
        ("/PACKAGE", db.clone()),
        ("/PROJECT", db.join("Project")),
        ("/RESOURCES", db.join("Resources")),
        ("/DATA", db.join("Data")),
        ("/LOGS", db.join("Logs")),
        ("/SOURCES", db.join("Project").join("Sources")),
    ];
    for (prefix, base) in fs {
        if let Some(rest) = t.strip_prefix(prefix) {
            if rest.is_empty() || rest.starts_with('/') {
                return base.join(rest.trim_start_matches('/'));
            }
        }
    }
    super::files::resolve(it, t)
}

fn make_cmd(it: &mut Interp, a: &mut Args, folder: bool) -> RtResult<Value> {
    let cmd = if folder { "Folder" } else { "File" };
    match a.get(0) {
        Value::Text(t) => {
            let platform = a.opt_num(1, cmd)?.unwrap_or(0.0) as i64 == 1;
            let t = t.trim_end_matches(['/', '\\']);
            let p = from_4d_path(it, if t.is_empty() { "/" } else { t }, platform);
            Ok(make(p, folder))
        }
        v if v.is_number() => {
            // fk constants: a folder of the application
            let sel = v.as_num().unwrap_or(0.0) as i64;
            let db = super::system::database_folder(it);
            let home = std::env::var_os("HOME")
                .map(PathBuf::from)
                .unwrap_or_else(std::env::temp_dir);
            let p = match sel {
                4 => db,
                6 => db.join("Resources"),
                7 => db.join("Logs"),
                9 => db.join("Data"),
                115 => home.join("Desktop"),
                117 => home.join("Documents"),
                118 => home,
                _ => home.join(".fourd"),
            };
            Ok(make(p, true))
        }
        v => err(
            crate::runtime::error::codes::BAD_ARG,
            format!("{}: a path is expected, got {}", cmd, v.type_name()),
        ),
    }
}

// docs/commands/file.md
fn file_cmd(it: &mut Interp, a: &mut Args) -> RtResult<Value> {
    make_cmd(it, a, false)
}

// docs/commands/folder.md
fn folder_cmd(it: &mut Interp, a: &mut Args) -> RtResult<Value> {
    make_cmd(it, a, true)
}

fn io<T>(r: std::io::Result<T>, what: &str, p: &Path) -> RtResult<T> {
    r.or_else(|e| {
        let code = match e.kind() {
            std::io::ErrorKind::NotFound => -43,
            std::io::ErrorKind::AlreadyExists => -48,
            _ => -36,
        };
        err(code, format!(".{}(): {} ({})", what, p.display(), e))
    })
}

fn target_folder(v: Option<&Value>) -> Option<PathBuf> {
    match v {
        Some(Value::Object(o)) => lookup(o).filter(|(_, d)| *d).map(|(p, _)| p),
        _ => None,
    }
}

/// Calls a function of a File or Folder object.
pub fn call_fs_member(it: &mut Interp, o: Obj, name: &str, args: Vec<Value>) -> RtResult<Value> {
    let Some((p, folder)) = lookup(&o) else {
        return err(
            crate::runtime::error::codes::BAD_MEMBER,
            format!("Unknown member function .{}()", name),
        );
    };
    let arg_text = |i: usize| match args.get(i) {
        Some(Value::Text(t)) => t.to_string(),
        _ => String::new(),
    };
    let result = match (name, folder) {
        ("create", _) => {
            if p.exists() {
                Value::Bool(false)
            } else if folder {
                io(std::fs::create_dir_all(&p), name, &p)?;
                Value::Bool(true)
            } else {
                if let Some(parent) = p.parent() {
                    io(std::fs::create_dir_all(parent), name, &p)?;
                }
                io(std::fs::write(&p, b""), name, &p)?;
                Value::Bool(true)
            }
        }
        ("delete", false) => {
            if p.exists() {
                io(std::fs::remove_file(&p), name, &p)?;
            }
            Value::Undefined
        }
        ("delete", true) => {
            // Delete only if empty 0 (default), Delete with contents 1
            if p.exists() {
                let all = args.first().and_then(|v| v.as_num()).unwrap_or(0.0) as i64 == 1;
                if all {
                    io(std::fs::remove_dir_all(&p), name, &p)?;
                } else {
                    io(std::fs::remove_dir(&p), name, &p)?;
                }
            }
            Value::Undefined
        }
        // File.getAppInfo(): the version information of a .exe/.dll or the keys of
        // an Info.plist. [choice] fourd reads neither format: an empty object (its
        // properties are undefined), for any file.
        ("getAppInfo", false) => Value::Object(crate::runtime::value::new_object()),
        ("getText", false) => {
            let b = io(std::fs::read(&p), name, &p)?;
            let b = b.strip_prefix(&[0xEF, 0xBB, 0xBF][..]).unwrap_or(&b);
            let t = String::from_utf8_lossy(b).into_owned();
            // line breaks: Document with native format (1) by default for getText
            let mode = args.get(1).and_then(|v| v.as_num()).unwrap_or(1.0) as i64;
            let t = if mode == 0 {
                t
            } else {
                t.replace("\r\n", "\n").replace('\r', "\n")
            };
            text(t)
        }
        ("setText", false) => {
            let t = arg_text(0);
            let cs = arg_text(1);
            let mut data = Vec::new();
            if cs.eq_ignore_ascii_case("utf-8") {
                data.extend([0xEF, 0xBB, 0xBF]);
            }
            data.extend(t.as_bytes());
            if let Some(parent) = p.parent() {
                io(std::fs::create_dir_all(parent), name, &p)?;
            }
            io(super::files::write_atomic(&p, &data), name, &p)?;
            Value::Undefined
        }
        ("getContent", false) => Value::Blob(Rc::new(io(std::fs::read(&p), name, &p)?)),
        ("setContent", false) => {
            let b = match args.first() {
                Some(Value::Blob(b)) => b.to_vec(),
                _ => Vec::new(),
            };
            io(super::files::write_atomic(&p, &b), name, &p)?;
            Value::Undefined
        }
        ("copyTo", _) | ("moveTo", _) => {
            let Some(dest) = target_folder(args.first()) else {
                return err(
                    crate::runtime::error::codes::BAD_ARG,
                    format!(".{}(): a Folder object is expected", name),
                );
            };
            let new_name = match args.get(1) {
                Some(Value::Text(t)) if !t.is_empty() => t.to_string(),
                _ => p
                    .file_name()
                    .map(|n| n.to_string_lossy().into_owned())
                    .unwrap_or_default(),
            };
            let overwrite = args
                .iter()
                .skip(1)
                .any(|v| v.as_num().map(|n| n as i64 & 4 != 0).unwrap_or(false));
            let target = dest.join(new_name);
            if target.exists() && !overwrite {
                return err(
                    -48,
                    format!(".{}(): {} already exists", name, target.display()),
                );
            }
            if name == "moveTo" {
                io(std::fs::rename(&p, &target), name, &p)?;
            } else if folder {
                copy_dir(&p, &target).or_else(|e| io(Err(e), name, &p))?;
            } else {
                io(std::fs::copy(&p, &target).map(|_| ()), name, &p)?;
            }
            make(target, folder)
        }
        ("rename", _) => {
            let target = p.with_file_name(arg_text(0));
            if target.exists() {
                return err(
                    -48,
                    format!(".rename(): {} already exists", target.display()),
                );
            }
            io(std::fs::rename(&p, &target), name, &p)?;
            make(target, folder)
        }
        ("file", true) => make(p.join(arg_text(0).trim_start_matches('/')), false),
        ("folder", true) => make(p.join(arg_text(0).trim_start_matches('/')), true),
        ("files", true) | ("folders", true) => {
            let dirs = name == "folders";
            let opts = args.first().and_then(|v| v.as_num()).unwrap_or(0.0) as i64;
            let mut out = Vec::new();
            list(&p, dirs, opts & 1 != 0, opts & 8 != 0, &mut out);
            out.sort();
            Value::Collection(new_collection(
                out.into_iter().map(|q| make(q, dirs)).collect(),
            ))
        }
        ("getText" | "setText" | "getContent" | "setContent", true)
        | ("file" | "folder" | "files" | "folders", false)
        | (_, _) => {
            return err(
                crate::runtime::error::codes::BAD_MEMBER,
                format!(
                    "Unknown member function .{}() for a {}",
                    name,
                    if folder { "4D.Folder" } else { "4D.File" }
                ),
            )
        }
    };
    fill(&o, &p, folder);
    let _ = it;
    Ok(result)
}

fn list(p: &Path, dirs: bool, recursive: bool, skip_hidden: bool, out: &mut Vec<PathBuf>) {
    let Ok(rd) = std::fs::read_dir(p) else {
        return;
    };
    for e in rd.flatten() {
        let q = e.path();
        let hidden = e.file_name().to_string_lossy().starts_with('.');
        if skip_hidden && hidden {
            continue;
        }
        let is_dir = q.is_dir();
        if is_dir == dirs {
            out.push(q.clone());
        }
        if is_dir && recursive {
            list(&q, dirs, recursive, skip_hidden, out);
        }
    }
}

fn copy_dir(src: &Path, dst: &Path) -> std::io::Result<()> {
    std::fs::create_dir_all(dst)?;
    for e in std::fs::read_dir(src)? {
        let e = e?;
        let to = dst.join(e.file_name());
        if e.path().is_dir() {
            copy_dir(&e.path(), &to)?;
        } else {
            std::fs::copy(e.path(), to)?;
        }
    }
    Ok(())
}
