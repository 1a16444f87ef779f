//! The project's methods as design objects: `METHOD GET NAMES`, `METHOD GET
//! PATHS`, `METHOD Get path`, `METHOD GET CODE`, `METHOD GET ATTRIBUTES`,
//! `METHOD Get attribute`,
//! `Current method path`, and `GET LAST ERROR STACK`. Read from the project
//! folder on disk (`Project/Sources/...`; for a script, the `.4dm` files of its
//! folder and its `Classes/`), so every method is seen, loaded or not. Doc pages:
//! docs/commands-legacy/<name>.md.
//!
//! Paths (method-get-paths.md): a project method is its name;
//! `[databaseMethod]/onStartup`, `[class]/Person`, `[projectForm]/F/{formMethod}`,
//! `[projectForm]/F/button1`, `[trigger]/Table_1`. [choice] A class function
//! running is `[class]/Person/getName` for `Current method path` (the class
//! file's path plus the function).

use super::{Args, CommandDef};
use crate::cmd;
use crate::runtime::error::{codes, err, RtResult};
use crate::runtime::interp::Interp;
use crate::runtime::value::{new_object, text, Value};
use std::path::{Path, PathBuf};
use std::rc::Rc;

pub const COMMANDS: &[CommandDef] = &[
    cmd!("METHOD GET NAMES", method_get_names, refs = 1),
    cmd!("METHOD GET PATHS", method_get_paths, refs = 0b1110),
    cmd!("METHOD Get path", method_get_path),
    cmd!("METHOD GET CODE", method_get_code, refs = 0b11),
    cmd!("METHOD GET ATTRIBUTES", method_get_attributes, refs = 0b11),
    cmd!("METHOD Get attribute", method_get_attribute, refs = 1),
    cmd!("Current method path", current_method_path),
    cmd!("GET LAST ERROR STACK", get_last_error_stack, refs = 0b111),
];

/// Error -9802 is "Object path not unique"; an unknown path is [choice] error
/// -9801 "Object path not found" (its neighbour in 4D's Design Object Access
/// theme).
const PATH_NOT_FOUND: i32 = -9801;

/// Where the project's code lives.
struct Layout {
    /// `Project/Sources` (None: a script folder).
    sources: Option<PathBuf>,
    /// The project methods' folder.
    methods: PathBuf,
    classes: PathBuf,
}

fn layout(it: &Interp) -> Layout {
    let db = super::system::database_folder(it);
    let sources = db.join("Project").join("Sources");
    if sources.is_dir() {
        Layout {
            methods: sources.join("Methods"),
            classes: sources.join("Classes"),
            sources: Some(sources),
        }
    } else {
        Layout {
            classes: db.join("Classes"),
            methods: db,
            sources: None,
        }
    }
}

/// The stems of the `.4dm` files of `dir`, sorted.
fn stems(dir: &Path) -> Vec<String> {
    let mut v: Vec<String> = std::fs::read_dir(dir)
        .map(|rd| {
            rd.flatten()
                .map(|e| e.path())
                .filter(|p| p.is_file() && p.extension().is_some_and(|x| x == "4dm"))
                .filter_map(|p| Some(p.file_stem()?.to_string_lossy().into_owned()))
                .collect()
        })
        .unwrap_or_default();
    v.sort_by_key(|s| s.to_lowercase());
    v
}

/// The `.4dm` of `dir` named `name` (case-insensitive, as 4D names are).
fn find_file(dir: &Path, name: &str) -> Option<PathBuf> {
    let want = name.to_lowercase();
    stems(dir)
        .into_iter()
        .find(|s| s.to_lowercase() == want)
        .map(|s| dir.join(format!("{s}.4dm")))
}

/// The source file of a method path.
fn file_of(l: &Layout, path: &str) -> Option<PathBuf> {
    let tagged = |tag: &str| path.strip_prefix(tag);
    if let Some(rest) = tagged("[databaseMethod]/") {
        return find_file(&l.sources.as_ref()?.join("DatabaseMethods"), rest);
    }
    if let Some(rest) = tagged("[class]/") {
        return find_file(&l.classes, rest);
    }
    if let Some(rest) = tagged("[trigger]/") {
        return find_file(&l.sources.as_ref()?.join("Triggers"), rest);
    }
    if let Some(rest) = tagged("[projectForm]/") {
        let (form, obj) = rest.split_once('/')?;
        let dir = l.sources.as_ref()?.join("Forms").join(form);
        return if obj == "{formMethod}" {
            find_file(&dir, "method")
        } else {
            find_file(&dir.join("ObjectMethods"), obj)
        };
    }
    if path.starts_with('[') {
        return None;
    }
    find_file(&l.methods, path)
}

/// The value of an argument passed by reference (or the argument itself).
fn deref(it: &Interp, v: &Value) -> RtResult<Value> {
    match v {
        Value::Pointer(p) => it.deref_raw(p),
        v => Ok(v.clone()),
    }
}

fn as_text(v: &Value, cmd: &str) -> RtResult<String> {
    match v {
        Value::Text(t) => Ok(t.to_string()),
        Value::Undefined => Ok(String::new()),
        v => err(
            codes::TYPE_MISMATCH,
            format!("{cmd}: a method path must be a text, got {}", v.type_name()),
        ),
    }
}

fn as_num(v: &Value, cmd: &str) -> RtResult<f64> {
    v.as_num().ok_or_else(|| {
        crate::runtime::error::rt_error(
            codes::TYPE_MISMATCH,
            format!("{cmd}: a number is expected, got {}", v.type_name()),
        )
    })
}

/// The texts of a text array argument, or None when it is not an array.
fn array_texts(it: &Interp, v: &Value) -> RtResult<Option<Vec<String>>> {
    if let Value::Array(arr) = deref(it, v)? {
        let ar = arr.borrow();
        return Ok(Some(
            ar.elems
                .iter()
                .skip(1)
                .map(crate::runtime::format::to_text)
                .collect(),
        ));
    }
    Ok(None)
}

/// `@` anywhere in `pat` matches any run of characters, case-insensitively.
fn wildcard(pat: &str, s: &str) -> bool {
    let (p, s): (Vec<char>, Vec<char>) = (
        pat.to_lowercase().chars().collect(),
        s.to_lowercase().chars().collect(),
    );
    fn go(p: &[char], s: &[char]) -> bool {
        match p.split_first() {
            None => s.is_empty(),
            Some(('@', rest)) => (0..=s.len()).any(|i| go(rest, &s[i..])),
            Some((c, rest)) => s.first() == Some(c) && go(rest, &s[1..]),
        }
    }
    go(&p, &s)
}

/// method-get-names.md: `METHOD GET NAMES(names{; filter}{; *})`: the project
/// methods' names, sorted; `filter` may hold `@` wildcards.
fn method_get_names(it: &mut Interp, a: &mut Args) -> RtResult<Value> {
    let cmd = "METHOD GET NAMES";
    let filter = match a.len() {
        0 | 1 => None,
        _ => Some(as_text(&deref(it, a.get(1))?, cmd)?),
    };
    let l = layout(it);
    let names: Vec<Value> = stems(&l.methods)
        .into_iter()
        .filter(|n| filter.as_deref().is_none_or(|f| wildcard(f, n)))
        .map(text)
        .collect();
    super::fill_array(it, a, 0, cmd, names)?;
    Ok(Value::Undefined)
}

/// The methods a `folders.json` folder (and its sub-folders) holds.
fn folder_methods(l: &Layout, folder: &str) -> Option<Vec<String>> {
    let raw = std::fs::read_to_string(l.sources.as_ref()?.join("folders.json")).ok()?;
    let json: serde_json::Value = serde_json::from_str(&raw).ok()?;
    let all = json.as_object()?;
    let mut out = Vec::new();
    let mut todo = vec![folder.to_string()];
    let mut seen = std::collections::HashSet::new();
    while let Some(f) = todo.pop() {
        if !seen.insert(f.to_lowercase()) {
            continue;
        }
        let Some((_, entry)) = all.iter().find(|(k, _)| k.eq_ignore_ascii_case(&f)) else {
            continue;
        };
        for (key, list) in [("methods", &mut out), ("groups", &mut todo)] {
            if let Some(items) = entry.get(key).and_then(|v| v.as_array()) {
                list.extend(items.iter().filter_map(|v| v.as_str().map(str::to_string)));
            }
        }
    }
    Some(out)
}

/// Every path of the kinds in `kinds` (method-get-paths.md's constants, added).
fn paths_of(l: &Layout, kinds: i64) -> Vec<String> {
    let has = |bit: i64| kinds == -1 || kinds & bit != 0;
    let mut out = Vec::new();
    if has(1) {
        out.extend(stems(&l.methods));
    }
    if let Some(src) = &l.sources {
        if has(2) {
            let db = src.join("DatabaseMethods");
            out.extend(
                stems(&db)
                    .into_iter()
                    .map(|s| format!("[databaseMethod]/{s}")),
            );
        }
        if has(4) {
            let forms = src.join("Forms");
            let mut names: Vec<String> = std::fs::read_dir(&forms)
                .map(|rd| {
                    rd.flatten()
                        .filter(|e| e.path().is_dir())
                        .map(|e| e.file_name().to_string_lossy().into_owned())
                        .collect()
                })
                .unwrap_or_default();
            names.sort();
            for f in names {
                let dir = forms.join(&f);
                if dir.join("method.4dm").is_file() {
                    out.push(format!("[projectForm]/{f}/{{formMethod}}"));
                }
                for o in stems(&dir.join("ObjectMethods")) {
                    out.push(format!("[projectForm]/{f}/{o}"));
                }
            }
        }
        if has(8) {
            let t = src.join("Triggers");
            out.extend(stems(&t).into_iter().map(|s| format!("[trigger]/{s}")));
        }
    }
    if has(32) {
        out.extend(
            stems(&l.classes)
                .into_iter()
                .map(|s| format!("[class]/{s}")),
        );
    }
    out
}

/// method-get-paths.md: `METHOD GET PATHS({folder;} type; paths{; stamp}{; *})`.
/// [choice] `stamp` receives 0 and filters nothing (fourd keeps no modification
/// counter); `folder` is read from `Project/Sources/folders.json`.
fn method_get_paths(it: &mut Interp, a: &mut Args) -> RtResult<Value> {
    let cmd = "METHOD GET PATHS";
    let first = deref(it, a.get(0))?;
    let (folder, at) = match first {
        Value::Text(t) => (Some(t.to_string()), 1),
        _ => (None, 0),
    };
    let kinds = as_num(&deref(it, a.get(at))?, cmd)? as i64;
    let l = layout(it);
    let mut paths = paths_of(&l, kinds);
    if let Some(f) = folder {
        let inside = folder_methods(&l, &f).unwrap_or_default();
        paths.retain(|p| inside.iter().any(|m| m.eq_ignore_ascii_case(p)));
    }
    super::fill_array(it, a, at + 1, cmd, paths.into_iter().map(text).collect())?;
    if let Value::Pointer(p) = a.get(at + 2) {
        let p = p.clone();
        it.store_ptr(&p, Value::Real(0.0))?;
    }
    Ok(Value::Undefined)
}

/// method-get-path.md: `METHOD Get path(type{; table}{; name{; object}}{; *})`:
/// the path of a design object, built from its kind and names.
fn method_get_path(it: &mut Interp, a: &mut Args) -> RtResult<Value> {
    let cmd = "METHOD Get path";
    let kind = a.num(0, cmd)? as i64;
    let names: Vec<String> = (1..a.len())
        .filter_map(|i| match a.get(i) {
            Value::Text(t) => Some(t.to_string()),
            _ => None,
        })
        .collect();
    let name = |i: usize| names.get(i).cloned().unwrap_or_default();
    let _ = it;
    let p = match kind {
        1 => name(0),
        2 => format!("[databaseMethod]/{}", name(0)),
        4 => match names.get(1) {
            Some(o) => format!("[projectForm]/{}/{o}", name(0)),
            None => format!("[projectForm]/{}/{{formMethod}}", name(0)),
        },
        8 => format!("[trigger]/{}", name(0)),
        32 => format!("[class]/{}", name(0)),
        _ => {
            return err(
                codes::BAD_ARG,
                format!("{cmd}: unsupported method type {kind}"),
            )
        }
    };
    Ok(text(p))
}

/// The header line 4D writes at the top of exported code (method-get-code.md).
const ATTRIBUTES_PREFIX: &str = "//%attributes = ";

/// method-get-code.md: `METHOD GET CODE(path; code{; option}{; *})` with a text
/// or text arrays. The code is the method's file, headed by its `//%attributes`
/// line ([choice] `{"lang":"en"}` added when the file has none). [choice] With
/// `Code with tokens` (1) the code is the same: a project file keeps whatever
/// tokens it was written with. An unknown path: error -9801, `code` left empty.
fn method_get_code(it: &mut Interp, a: &mut Args) -> RtResult<Value> {
    let cmd = "METHOD GET CODE";
    let l = layout(it);
    let code_of = |p: &str| -> Option<String> {
        let src = std::fs::read_to_string(file_of(&l, p)?).ok()?;
        Some(if src.trim_start().starts_with("//%attributes") {
            src
        } else {
            format!("{ATTRIBUTES_PREFIX}{{\"lang\":\"en\"}}\n{src}")
        })
    };
    if let Some(paths) = array_texts(it, a.get(0))? {
        let mut codes_out = Vec::new();
        let mut missing = None;
        for p in &paths {
            match code_of(p) {
                Some(c) => codes_out.push(text(c)),
                None => {
                    missing.get_or_insert(p.clone());
                    codes_out.push(text(""));
                }
            }
        }
        super::fill_array(it, a, 1, cmd, codes_out)?;
        return match missing {
            Some(p) => not_found(cmd, &p),
            None => Ok(Value::Undefined),
        };
    }
    let path = as_text(&deref(it, a.get(0))?, cmd)?;
    let code = code_of(&path);
    let ptr = a.ptr(1, cmd)?;
    it.store_ptr(&ptr, text(code.clone().unwrap_or_default()))?;
    match code {
        Some(_) => Ok(Value::Undefined),
        None => not_found(cmd, &path),
    }
}

fn not_found(cmd: &str, path: &str) -> RtResult<Value> {
    err(
        PATH_NOT_FOUND,
        format!("{cmd}: no method at the path \"{path}\""),
    )
}

/// The attributes object of a method file (method-get-attributes.md): the
/// defaults, overridden by the JSON of its `//%attributes` first line.
fn attributes(file: &Path) -> Value {
    let o = new_object();
    {
        let mut b = o.borrow_mut();
        for (k, v) in [
            ("invisible", Value::Bool(false)),
            ("preemptive", text("indifferent")),
            ("publishedWeb", Value::Bool(false)),
            ("publishedSoap", Value::Bool(false)),
            ("publishedWsdl", Value::Bool(false)),
            ("shared", Value::Bool(false)),
            ("publishedSql", Value::Bool(false)),
            ("executedOnServer", Value::Bool(false)),
        ] {
            b.insert(Rc::from(k), v);
        }
        let src = std::fs::read_to_string(file).unwrap_or_default();
        let first = src.lines().next().unwrap_or("").trim();
        let json = first
            .strip_prefix("//%attributes")
            .map(|r| r.trim_start().trim_start_matches('=').trim());
        if let Some(Ok(serde_json::Value::Object(m))) = json.map(serde_json::from_str) {
            for (k, v) in m {
                if k == "lang" {
                    continue;
                }
                let v = match v {
                    serde_json::Value::Bool(x) => Value::Bool(x),
                    serde_json::Value::Number(n) => Value::Real(n.as_f64().unwrap_or(0.0)),
                    serde_json::Value::String(s) => text(s),
                    other => text(other.to_string()),
                };
                b.insert(Rc::from(k.as_str()), v);
            }
        }
    }
    Value::Object(o)
}

/// method-get-attributes.md: `METHOD GET ATTRIBUTES(path; attributes{; *})`,
/// for project methods, a text and an object or arrays of them. An invalid path:
/// error -9801.
fn method_get_attributes(it: &mut Interp, a: &mut Args) -> RtResult<Value> {
    let cmd = "METHOD GET ATTRIBUTES";
    let l = layout(it);
    let file = |p: &str| find_file(&l.methods, p).filter(|_| !p.starts_with('['));
    if let Some(paths) = array_texts(it, a.get(0))? {
        let mut out = Vec::new();
        for p in &paths {
            match file(p) {
                Some(f) => out.push(attributes(&f)),
                None => return not_found(cmd, p),
            }
        }
        super::fill_array(it, a, 1, cmd, out)?;
        return Ok(Value::Undefined);
    }
    let path = as_text(&deref(it, a.get(0))?, cmd)?;
    let Some(f) = file(&path) else {
        return not_found(cmd, &path);
    };
    let ptr = a.ptr(1, cmd)?;
    it.store_ptr(&ptr, attributes(&f))?;
    Ok(Value::Undefined)
}

/// method-get-attribute.md: `METHOD Get attribute(path; attribType{; *})`, one
/// Boolean attribute of a project method (`Attribute invisible` 1, `Attribute
/// published Web` 2, `... SOAP` 3, `... WSDL` 4, `Attribute shared` 5,
/// `Attribute published SQL` 7, `Attribute executed on server` 8); another
/// type gives False. An invalid path: error -9801.
fn method_get_attribute(it: &mut Interp, a: &mut Args) -> RtResult<Value> {
    let cmd = "METHOD Get attribute";
    let l = layout(it);
    let path = as_text(&deref(it, a.get(0))?, cmd)?;
    let kind = as_num(&deref(it, a.get(1))?, cmd)? as i64;
    let Some(f) = find_file(&l.methods, &path).filter(|_| !path.starts_with('[')) else {
        return not_found(cmd, &path);
    };
    let key = match kind {
        1 => "invisible",
        2 => "publishedWeb",
        3 => "publishedSoap",
        4 => "publishedWsdl",
        5 => "shared",
        7 => "publishedSql",
        8 => "executedOnServer",
        _ => return Ok(Value::Bool(false)),
    };
    let Value::Object(o) = attributes(&f) else {
        return Ok(Value::Bool(false));
    };
    let v = o.borrow().get(key).cloned();
    Ok(Value::Bool(matches!(v, Some(Value::Bool(true)))))
}

/// current-method-path.md: the path of the method running (see the module doc).
fn current_method_path(it: &mut Interp, _: &mut Args) -> RtResult<Value> {
    let prog = it.prog;
    // a formula runs inside the method that made it: report the nearest method
    let m = it
        .frames
        .iter()
        .rev()
        .filter_map(|f| prog.method(f.method))
        .find(|m| m.formula.is_none());
    let Some(m) = m else {
        return Ok(text(""));
    };
    let folder = m
        .path
        .parent()
        .and_then(|p| p.file_name())
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let stem = m
        .path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let p = if let Some(cid) = m.class {
        let class = prog
            .classes
            .get(cid as usize)
            .map(|c| c.name.clone())
            .unwrap_or(stem);
        let func = m
            .name
            .rsplit_once(['.', ':'])
            .map(|(_, f)| f.to_string())
            .unwrap_or_default();
        format!("[class]/{class}/{func}")
    } else if folder == "DatabaseMethods" {
        format!("[databaseMethod]/{stem}")
    } else if folder == "Triggers" {
        format!("[trigger]/{stem}")
    } else {
        m.name.clone()
    };
    Ok(text(p))
}

/// get-last-error-stack.md: `GET LAST ERROR STACK(codes; components; texts)`:
/// the errors of `Last errors`, in its order: codes, component signatures
/// ("host" for 4D language errors raised by the code, as `Last errors` says),
/// messages.
fn get_last_error_stack(it: &mut Interp, a: &mut Args) -> RtResult<Value> {
    let cmd = "GET LAST ERROR STACK";
    let errors: Vec<(f64, String, String)> = match it.last_errors() {
        Value::Collection(c) => c
            .borrow()
            .iter()
            .filter_map(|e| match e {
                Value::Object(o) => {
                    let b = o.borrow();
                    let t = |k: &str| {
                        b.get(k)
                            .map(crate::runtime::format::to_text)
                            .unwrap_or_default()
                    };
                    Some((
                        b.get("errCode").and_then(|v| v.as_num()).unwrap_or(0.0),
                        t("componentSignature"),
                        t("message"),
                    ))
                }
                _ => None,
            })
            .collect(),
        _ => Vec::new(),
    };
    super::fill_array(
        it,
        a,
        0,
        cmd,
        errors.iter().map(|e| Value::Real(e.0)).collect(),
    )?;
    if a.len() > 1 {
        super::fill_array(
            it,
            a,
            1,
            cmd,
            errors.iter().map(|e| text(e.1.clone())).collect(),
        )?;
    }
    if a.len() > 2 {
        super::fill_array(
            it,
            a,
            2,
            cmd,
            errors.iter().map(|e| text(e.2.clone())).collect(),
        )?;
    }
    Ok(Value::Undefined)
}

#[cfg(test)]
mod tests {
    #[test]
    fn wildcard_matches_like_4d() {
        use super::wildcard;
        assert!(wildcard("test@", "Test_one"));
        assert!(wildcard("@_one", "test_ONE"));
        assert!(!wildcard("test@", "my_test"));
        assert!(wildcard("a@c", "abbbc") && !wildcard("a@c", "abd"));
    }
}
