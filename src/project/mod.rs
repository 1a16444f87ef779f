//! Loading code to run: a single `.4dm` file with the other `.4dm` files of its
//! folder as project methods, a file inside a 4D project (whose `Methods/` are then
//! the project methods), or a 4D project folder (`On Startup`, an optional method,
//! then `On Exit`). Methods are parsed and resolved on demand, starting from the
//! entry points and following the calls the resolver finds.

pub mod catalog;
pub mod constants;

use crate::compile::ir::{MethodId, Program};
use crate::compile::{on_demand, Compiler};
use crate::syntax::KnownNames;
use std::path::{Path, PathBuf};
use std::rc::Rc;

/// A syntax error with its file and 1-based line and column.
pub use crate::compile::on_demand::Broken as FileError;

/// Why loading failed.
#[derive(Debug)]
pub enum LoadError {
    /// Bad usage or missing files (message for stderr).
    Usage(String),
    /// Syntax errors in an entry method (the script run, `On Startup`, `--method`).
    Syntax(Vec<FileError>),
}

/// A loaded program and the methods to run, in order. The first entry whose
/// `takes_args` is set receives the command-line parameters.
#[derive(Debug)]
pub struct Loaded {
    pub program: Program,
    pub entries: Vec<(MethodId, bool)>,
    /// The database structure (`catalog.4DCatalog` of the project, or beside the
    /// scripts); empty when there is none.
    pub structure: crate::datastore::Structure,
    /// The folder holding `Project/` (None for a script folder): its `Data/` folder
    /// holds the data file by default.
    pub project_root: Option<PathBuf>,
    /// Methods and classes reached that have syntax errors (each raises error 50
    /// when called): the host reports them once, on stderr.
    pub broken: Vec<FileError>,
}

pub use crate::syntax::diagnostics::line_col;

fn method_files(dir: &Path) -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = match std::fs::read_dir(dir) {
        Ok(rd) => rd
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.is_file() && p.extension().is_some_and(|e| e.eq_ignore_ascii_case("4dm")))
            .collect(),
        Err(_) => Vec::new(),
    };
    v.sort();
    v
}

/// Every `.4dm` file under `dir`, sorted.
fn all_4dm(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(rd) = std::fs::read_dir(dir) else {
        return;
    };
    let mut entries: Vec<PathBuf> = rd.filter_map(|e| e.ok().map(|e| e.path())).collect();
    entries.sort();
    for p in entries {
        if p.is_dir() {
            all_4dm(&p, out);
        } else if p.extension().is_some_and(|e| e.eq_ignore_ascii_case("4dm")) {
            out.push(p);
        }
    }
}

fn stem(p: &Path) -> String {
    p.file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default()
}

/// The `Project/Sources` folder of the 4D project `p` lies in (or is), if any: the
/// nearest ancestor holding `Project/Sources`, or a `Sources` folder inside
/// `Project`.
pub fn sources_above(p: &Path) -> Option<PathBuf> {
    let found = sources_above_as_given(p);
    if found.is_some() || p.is_absolute() {
        return found;
    }
    // a relative path (`fourd run m.4dm` inside `Project/Sources/Methods`)
    std::path::absolute(p)
        .ok()
        .and_then(|a| sources_above_as_given(&a))
}

fn sources_above_as_given(p: &Path) -> Option<PathBuf> {
    for a in p.ancestors() {
        let s = a.join("Project").join("Sources");
        if s.is_dir() {
            return Some(s);
        }
        if a.file_name().is_some_and(|n| n == "Sources")
            && a.parent()
                .and_then(|p| p.file_name())
                .is_some_and(|n| n == "Project")
        {
            return Some(a.to_path_buf());
        }
    }
    None
}

/// Loads what `fourd run PATH [--method NAME]` runs.
pub fn load(path: &Path, method: Option<&str>) -> Result<Loaded, LoadError> {
    crate::commands::register();
    let mut c = Compiler::new();
    let mut entries = Vec::new();
    let known: KnownNames;
    let catalog_dir: PathBuf;
    if path.is_dir() {
        let Some(sources) = sources_above(path) else {
            return Err(LoadError::Usage(format!(
                "{}: not a 4D project (no Project/Sources folder)",
                path.display()
            )));
        };
        for f in method_files(&sources.join("Methods")) {
            c.add_method(&stem(&f), f);
        }
        known = names_at(&sources);
        catalog_dir = sources.clone();
        let db = sources.join("DatabaseMethods");
        let startup = db.join("onStartup.4dm");
        if startup.is_file() {
            entries.push((c.add_hidden_method("On Startup", startup), false));
        }
        if let Some(m) = method {
            match c.method_id(m) {
                Some(id) => entries.push((id, true)),
                None => {
                    return Err(LoadError::Usage(format!(
                        "{}: no project method named \"{}\"",
                        path.display(),
                        m
                    )))
                }
            }
        }
        let exit = db.join("onExit.4dm");
        if exit.is_file() {
            entries.push((c.add_hidden_method("On Exit", exit), false));
        }
    } else if path.is_file() {
        let name = stem(path);
        known = names_at(&names_key(path));
        catalog_dir = match sources_above(path) {
            Some(s) => s,
            None => names_key(path),
        };
        match sources_above(path) {
            Some(sources) => {
                for f in method_files(&sources.join("Methods")) {
                    c.add_method(&stem(&f), f);
                }
            }
            None => {
                let dir = path.parent().unwrap_or(Path::new("."));
                let dir = if dir.as_os_str().is_empty() {
                    Path::new(".")
                } else {
                    dir
                };
                for f in method_files(dir) {
                    if f.file_name() != path.file_name() {
                        c.add_method(&stem(&f), f);
                    }
                }
            }
        }
        let id = match c.method_id(&name) {
            Some(id) if same_file(&c.method(id).path, path) => id,
            Some(_) => c.add_hidden_method(&name, path.to_path_buf()),
            None => c.add_method(&name, path.to_path_buf()),
        };
        entries.push((id, true));
        if let Some(m) = method {
            match c.method_id(m) {
                Some(id) => entries.push((id, false)),
                None => {
                    return Err(LoadError::Usage(format!(
                        "no project method named \"{}\"",
                        m
                    )))
                }
            }
        }
    } else {
        return Err(LoadError::Usage(format!(
            "{}: no such file or folder",
            path.display()
        )));
    }

    let structure = crate::datastore::Structure::load(&catalog_dir.join("catalog.4DCatalog"))
        .map_err(LoadError::Usage)?;
    let project_root = if catalog_dir.file_name().is_some_and(|n| n == "Sources") {
        catalog_dir
            .parent()
            .and_then(|p| p.parent())
            .map(Path::to_path_buf)
    } else {
        None
    };
    c.structure = Rc::new(structure.clone());
    c.known = known.clone();
    if let Some(sources) = sources_above(path) {
        type_project(&mut c, &known, &sources);
    }
    let entry_ids: Vec<MethodId> = entries.iter().map(|e| e.0).collect();
    let mut work = entry_ids.clone();
    if catalog_dir.file_name().is_some_and(|n| n == "Sources") {
        // a project: what its web server may run is compiled with the rest, so
        // that `WEB START SERVER` serves from this one program
        work.extend(add_web_methods(&mut c, &catalog_dir));
    }
    let broken = compile_from(&mut c, &known, path, work);
    let broken = entry_errors(&c, &entry_ids, broken)?;
    Ok(Loaded {
        program: c.finish(),
        entries,
        structure,
        project_root,
        broken,
    })
}

/// Compiles the classes and the methods of `work` and every method they reach,
/// each on its own (`compile::on_demand`): the problems of broken files are
/// returned, the broken methods raise error 50 when called.
fn compile_from(
    c: &mut Compiler,
    known: &KnownNames,
    path: &Path,
    work: Vec<MethodId>,
) -> Vec<FileError> {
    let mut broken = Vec::new();
    // classes: `Project/Sources/Classes`, or `Classes/` beside a script; all compiled
    let classes_dir = match sources_above(path) {
        Some(s) => s.join("Classes"),
        None => path
            .parent()
            .map(|d| {
                if d.as_os_str().is_empty() {
                    Path::new(".")
                } else {
                    d
                }
            })
            .unwrap_or(Path::new("."))
            .join("Classes"),
    };
    let class_files: Vec<(crate::compile::ir::ClassId, PathBuf)> = method_files(&classes_dir)
        .into_iter()
        .map(|f| (c.add_class(&stem(&f)), f))
        .collect();
    for (cid, p) in class_files {
        broken.extend(on_demand::compile_class_file(c, cid, &p, known));
    }
    // the built-in ORDA classes (cs.DataStore, cs.<Table>...) a class file has not given
    c.add_orda_classes();
    on_demand::compile_reached(c, known, work, &mut broken);
    broken
}

/// The compiled-mode typing pass (`compile::typing`) over every `.4dm` file of a
/// project's `Sources` folder (methods, database methods, forms, classes), called
/// or not. Script folders are not compiled projects: they skip it.
fn type_project(c: &mut Compiler, known: &KnownNames, sources: &Path) {
    let mut files = Vec::new();
    all_4dm(sources, &mut files);
    // the lines that can type a variable, of every file, parsed as one text
    let mut text = String::new();
    for f in files {
        if let Ok(bytes) = std::fs::read(&f) {
            text.push_str(&crate::compile::typing::typing_lines(
                &String::from_utf8_lossy(&bytes),
            ));
        }
    }
    let mut typing = crate::compile::typing::Typing::new();
    if !text.is_empty() {
        let parsed = crate::syntax::parse_with(&text, known.phrase_table());
        typing.learn(c, &parsed.file.body);
    }
    typing.apply(c);
}

/// Splits the problems of [`compile_from`]: those of the entry methods' files stop
/// the run (exit 65); the others are reported and raise error 48 when called.
fn entry_errors(
    c: &Compiler,
    entries: &[MethodId],
    broken: Vec<FileError>,
) -> Result<Vec<FileError>, LoadError> {
    let entry_paths: Vec<&Path> = entries
        .iter()
        .map(|&id| c.method(id).path.as_path())
        .collect();
    let (fatal, rest): (Vec<FileError>, Vec<FileError>) = broken
        .into_iter()
        .partition(|b| entry_paths.iter().any(|p| *p == b.path));
    if fatal.is_empty() {
        Ok(rest)
    } else {
        Err(LoadError::Syntax(fatal))
    }
}

/// A project loaded for the web server: its database methods and the project methods
/// published for `/4DACTION` (`"publishedWeb":true` in their `//%attributes` line).
#[derive(Debug)]
pub struct WebLoaded {
    pub program: Program,
    pub on_startup: Option<MethodId>,
    pub on_exit: Option<MethodId>,
    pub on_web_connection: Option<MethodId>,
    pub on_web_authentication: Option<MethodId>,
    pub on_web_close: Option<MethodId>,
    /// Lower-cased method name → id, for published methods.
    pub published: std::collections::HashMap<String, MethodId>,
    /// The database structure (`Project/Sources/catalog.4DCatalog`).
    pub structure: crate::datastore::Structure,
    /// The folder holding `Project/` (where `Data/` lives).
    pub project_root: Option<PathBuf>,
    /// Methods with syntax errors (raise error 50 when called), to report once.
    pub broken: Vec<FileError>,
}

/// Loads a project folder for `fourd serve` / `WEB START SERVER`.
pub fn load_web(path: &Path) -> Result<WebLoaded, LoadError> {
    crate::commands::register();
    let Some(sources) = sources_above(path) else {
        return Err(LoadError::Usage(format!(
            "{}: not a 4D project (no Project/Sources folder)",
            path.display()
        )));
    };
    let mut c = Compiler::new();
    let mut published = std::collections::HashMap::new();
    let mut work = Vec::new();
    for f in method_files(&sources.join("Methods")) {
        let name = stem(&f);
        let id = c.add_method(&name, f.clone());
        if is_published_web(&f) {
            published.insert(name.to_lowercase(), id);
            work.push(id);
        }
    }
    let known = names_at(&sources);
    let db = sources.join("DatabaseMethods");
    let mut hidden = |file: &str, name: &str, work: &mut Vec<MethodId>| {
        let p = db.join(file);
        p.is_file().then(|| {
            let id = c.add_hidden_method(name, p);
            work.push(id);
            id
        })
    };
    let on_startup = hidden("onStartup.4dm", "On Startup", &mut work);
    let on_exit = hidden("onExit.4dm", "On Exit", &mut work);
    let on_web_connection = hidden("onWebConnection.4dm", "On Web Connection", &mut work);
    let on_web_authentication = hidden(
        "onWebAuthentication.4dm",
        "On Web Authentication",
        &mut work,
    );
    let on_web_close = hidden(
        "onWebSessionSuspend.4dm",
        "On Web Legacy Close Session",
        &mut work,
    );
    let structure = crate::datastore::Structure::load(&sources.join("catalog.4DCatalog"))
        .map_err(LoadError::Usage)?;
    c.structure = Rc::new(structure.clone());
    c.known = known.clone();
    type_project(&mut c, &known, &sources);
    let broken = compile_from(&mut c, &known, path, work);
    Ok(WebLoaded {
        broken,
        structure,
        project_root: sources
            .parent()
            .and_then(Path::parent)
            .map(Path::to_path_buf),
        program: c.finish(),
        on_startup,
        on_exit,
        on_web_connection,
        on_web_authentication,
        on_web_close,
        published,
    })
}

/// Adds the web database methods of a project (`Project/Sources`) as hidden
/// methods and returns them with the published project methods (to compile).
fn add_web_methods(c: &mut Compiler, sources: &Path) -> Vec<MethodId> {
    let mut work = Vec::new();
    for f in method_files(&sources.join("Methods")) {
        if is_published_web(&f) {
            if let Some(id) = c.method_id(&stem(&f)) {
                work.push(id);
            }
        }
    }
    let db = sources.join("DatabaseMethods");
    for (file, name) in [
        ("onWebConnection.4dm", "On Web Connection"),
        ("onWebAuthentication.4dm", "On Web Authentication"),
        ("onWebSessionSuspend.4dm", "On Web Legacy Close Session"),
    ] {
        let p = db.join(file);
        if p.is_file() {
            work.push(c.add_hidden_method(name, p));
        }
    }
    work
}

/// True when the method file's `//%attributes` first line says `"publishedWeb":true`.
pub fn is_published_web(file: &Path) -> bool {
    let Ok(text) = std::fs::read_to_string(file) else {
        return false;
    };
    let first = text.lines().next().unwrap_or("").trim();
    let Some(rest) = first.strip_prefix("//%attributes") else {
        return false;
    };
    let json = rest.trim_start().trim_start_matches('=').trim();
    serde_json::from_str::<serde_json::Value>(json)
        .ok()
        .and_then(|v| v.get("publishedWeb").and_then(|b| b.as_bool()))
        .unwrap_or(false)
}

/// The project folder (the one holding `Project/`) and its name: the stem of
/// `Project/*.4DProject` when there is one, else the folder's name.
pub fn project_root_and_name(path: &Path) -> Option<(PathBuf, String)> {
    let sources = sources_above(path)?;
    let project = sources.parent()?.to_path_buf();
    let root = project.parent()?.to_path_buf();
    let from_file = std::fs::read_dir(&project).ok().and_then(|rd| {
        rd.filter_map(|e| e.ok().map(|e| e.path()))
            .find(|p| p.extension().is_some_and(|e| e == "4DProject"))
            .map(|p| stem(&p))
    });
    let root = if root.as_os_str().is_empty() {
        PathBuf::from(".")
    } else {
        root
    };
    let name = from_file.unwrap_or_else(|| {
        root.canonicalize()
            .ok()
            .and_then(|r| r.file_name().map(|n| n.to_string_lossy().into_owned()))
            .unwrap_or_else(|| "fourd".into())
    });
    Some((root, name))
}

fn same_file(a: &Path, b: &Path) -> bool {
    match (a.canonicalize(), b.canonicalize()) {
        (Ok(x), Ok(y)) => x == y,
        _ => a == b,
    }
}

/// The `.4dm` file stems of a folder.
pub fn method_names_in(dir: &Path) -> Vec<String> {
    let mut names = Vec::new();
    if let Ok(entries) = std::fs::read_dir(dir) {
        for entry in entries.flatten() {
            let path = entry.path();
            if path
                .extension()
                .is_some_and(|e| e.eq_ignore_ascii_case("4dm"))
            {
                if let Some(stem) = path.file_stem() {
                    names.push(stem.to_string_lossy().into_owned());
                }
            }
        }
    }
    names.sort();
    names
}

/// The place whose names apply to `file`: the project's Sources folder, or the
/// script's own folder.
pub fn names_key(file: &Path) -> PathBuf {
    sources_above(file).unwrap_or_else(|| file.parent().map(Path::to_path_buf).unwrap_or_default())
}

/// The names known at a place given by [`names_key`].
pub fn names_at(key: &Path) -> KnownNames {
    let is_sources =
        key.file_name().is_some_and(|n| n == "Sources") && key.join("Methods").is_dir();
    if !is_sources && key.join("catalog.4DCatalog").is_file() {
        // a script folder with its own structure
        let (tables, fields) = catalog::table_and_field_names(&key.join("catalog.4DCatalog"));
        return KnownNames::new(method_names_in(key), tables, fields);
    }
    if is_sources {
        let (tables, fields) = catalog::table_and_field_names(&key.join("catalog.4DCatalog"));
        let mut known = KnownNames::new(method_names_in(&key.join("Methods")), tables, fields);
        if let Some(root) = key.parent().and_then(Path::parent) {
            known.constants =
                std::sync::Arc::new(constants::read_constants(&root.join("Resources")));
        }
        known
    } else {
        KnownNames::new(method_names_in(key), Vec::new(), Vec::new())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_and_columns() {
        let s = "ab\ncdé\nf";
        assert_eq!(line_col(s, 0), (1, 1));
        assert_eq!(line_col(s, 3), (2, 1));
        assert_eq!(line_col(s, 5), (2, 3));
        assert_eq!(line_col(s, 8), (3, 1));
        assert_eq!(line_col(s, 100), (3, 2));
    }
}
