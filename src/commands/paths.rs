//! `Path to object` and `Object to path` (docs/commands/path-to-object.md,
//! object-to-path.md): a path text taken apart into `parentFolder`, `name`,
//! `extension`, `isFolder`, and put back together. fourd runs on a POSIX system, so
//! the system syntax (`Path is system`, 0, the default) and `Path is POSIX` (1) both
//! use `/` as separator. Only the text is looked at, never the disk.

use super::Args;
use crate::cmd;
use crate::runtime::error::RtResult;
use crate::runtime::interp::Interp;
use crate::runtime::value::{new_object, text, Value};
use std::rc::Rc;

pub const COMMANDS: &[super::CommandDef] = &[
    cmd!("Path to object", path_to_object),
    cmd!("Object to path", object_to_path),
];

const SEP: char = '/';

/// `(parentFolder, name, extension, isFolder)` of a path.
pub fn split_path(path: &str) -> (String, String, String, bool) {
    let is_folder = path.ends_with(SEP);
    let body = if is_folder {
        &path[..path.len() - 1]
    } else {
        path
    };
    let (parent, last) = match body.rfind(SEP) {
        Some(i) => (&body[..=i], &body[i + 1..]),
        None => ("", body),
    };
    // `.invisible`: a name, no extension
    let (name, ext) = match last.rfind('.') {
        Some(i) if i > 0 => (&last[..i], &last[i..]),
        _ => (last, ""),
    };
    (
        parent.to_string(),
        name.to_string(),
        ext.to_string(),
        is_folder,
    )
}

fn path_to_object(_: &mut Interp, a: &mut Args) -> RtResult<Value> {
    let p = a.text(0, "Path to object")?;
    let (parent, name, ext, is_folder) = split_path(&p);
    let o = new_object();
    {
        let mut m = o.borrow_mut();
        m.insert(Rc::from("parentFolder"), text(parent));
        m.insert(Rc::from("name"), text(name));
        m.insert(Rc::from("extension"), text(ext));
        m.insert(Rc::from("isFolder"), Value::Bool(is_folder));
    }
    Ok(Value::Object(o))
}

/// The path an object describes: `parentFolder` + `name` + `extension`, and a
/// final separator when `isFolder` is true ([choice] a missing `parentFolder`
/// ends with no separator added; an extension without its `.` gets one).
fn object_to_path(_: &mut Interp, a: &mut Args) -> RtResult<Value> {
    let Value::Object(o) = a.get(0) else {
        return Ok(text(""));
    };
    let o = o.borrow();
    let get = |k: &str| match o.get(k) {
        Some(Value::Text(t)) => t.to_string(),
        _ => String::new(),
    };
    let mut s = get("parentFolder");
    if !s.is_empty() && !s.ends_with(SEP) {
        s.push(SEP);
    }
    s.push_str(&get("name"));
    let ext = get("extension");
    if !ext.is_empty() && !ext.starts_with('.') {
        s.push('.');
    }
    s.push_str(&ext);
    if matches!(o.get("isFolder"), Some(Value::Bool(true))) {
        s.push(SEP);
    }
    Ok(text(s))
}

#[cfg(test)]
mod tests {
    use super::split_path;

    #[test]
    fn paths_split_as_the_docs_say() {
        let s = |p: &str| split_path(p);
        assert_eq!(
            s("/first/second.bundle/"),
            ("/first/".into(), "second".into(), ".bundle".into(), true)
        );
        assert_eq!(
            s("/folder/.invisible"),
            ("/folder/".into(), ".invisible".into(), "".into(), false)
        );
        assert_eq!(s("a.b.c"), ("".into(), "a.b".into(), ".c".into(), false));
    }
}
