//! `PROCESS 4D TAGS`: the template processor of `crate::web::tags` on a text.
//!
//! `4DINCLUDE` paths resolve from the project's `Project` folder (4D: "the folder
//! containing the database structure file"), or, when the code does not belong to a
//! project (`fourd run script.4dm`), from the folder of the running method's file.

use super::Args;
use crate::cmd;
use crate::commands::CommandDef;
use crate::runtime::error::RtResult;
use crate::runtime::interp::Interp;
use crate::runtime::value::{text, Value};
use crate::web::tags::{self, Env};
use std::path::PathBuf;

pub const COMMANDS: &[CommandDef] = &[cmd!("PROCESS 4D TAGS", process_4d_tags, refs = 0b10)];

/// The folder `4DINCLUDE` starts from outside the web server.
pub fn default_dir(it: &Interp) -> PathBuf {
    let path = it
        .current_method()
        .map(|m| m.path.clone())
        .filter(|p| !p.as_os_str().is_empty())
        .or_else(|| it.prog.methods.first().map(|m| m.path.clone()))
        .unwrap_or_default();
    match crate::project::project_root_and_name(&path) {
        Some((root, _)) => root.join("Project"),
        None => path.parent().map(|p| p.to_path_buf()).unwrap_or_default(),
    }
}

fn process_4d_tags(it: &mut Interp, a: &mut Args) -> RtResult<Value> {
    a.require(2, "PROCESS 4D TAGS")?;
    let input = match a.get(0) {
        Value::Blob(b) => String::from_utf8_lossy(b).into_owned(),
        _ => a.text(0, "PROCESS 4D TAGS")?.to_string(),
    };
    let out = a.ptr(1, "PROCESS 4D TAGS")?;
    let mut env = Env {
        params: a.vals.drain(2..).collect(),
        ..Default::default()
    };
    let dir = default_dir(it);
    let result = tags::process_text(it, &input, &mut env, dir)?;
    it.store_ptr(&out, text(result))?;
    Ok(Value::Undefined)
}
