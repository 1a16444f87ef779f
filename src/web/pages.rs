//! Pages the web server passes through the tag processor ([`super::tags`]), as 4D
//! does: `.shtm`/`.shtml` files asked for by URL (not `.htm`/`.html`, for speed),
//! files sent with `WEB SEND FILE` (`.htm`, `.html`, `.shtm`, `.shtml`), and HTML
//! sent with `WEB SEND TEXT` or `WEB SEND BLOB` (type `text/html`).
//!
//! The web folder is the project's `WebFolder` (its name and every file name
//! matched ignoring case, [`super::paths`]). Includes stay inside it. A page runs in
//! the request's process (the session's, in legacy mode), after `On Web
//! Authentication` has accepted the request, so the tags do not call it again.

use super::{HttpResponse, WebRuntime};
use crate::runtime::interp::Interp;
use std::path::{Path, PathBuf};

/// The web folder of a run (canonical), if it exists.
pub fn web_folder(rt: &WebRuntime) -> Option<PathBuf> {
    let mut cache = rt.extra.root_cache.lock().ok()?;
    if let Some(p) = cache.as_ref() {
        return Some(p.clone());
    }
    let set = rt.extra.root_folder.lock().ok()?.clone();
    let p = match set {
        Some(p) => p,
        None => super::paths::child_dir_ci(rt.root.as_ref()?, "WebFolder")?,
    };
    let p = p.canonicalize().ok()?;
    *cache = Some(p.clone());
    Some(p)
}

fn ext_is(p: &Path, exts: &[&str]) -> bool {
    p.extension()
        .map(|e| e.to_string_lossy().to_ascii_lowercase())
        .is_some_and(|e| exts.contains(&e.as_str()))
}

/// `.shtm`/`.shtml`: processed when asked for by URL.
pub fn is_tagged(p: &Path) -> bool {
    ext_is(p, &["shtm", "shtml"])
}

/// What `WEB SEND FILE` processes.
pub fn is_html(p: &Path) -> bool {
    ext_is(p, &["htm", "html", "shtm", "shtml"])
}

fn env_for(it: &mut Interp<'_>) -> super::tags::Env {
    let web_root = web_folder(&super::host::get(it).rt.clone());
    super::tags::Env {
        web_root,
        ..Default::default()
    }
}

/// A file processed as a page; `Err` with the error text when it cannot be read
/// or `ABORT` stopped it.
pub fn process_file(it: &mut Interp<'_>, file: &Path) -> Result<String, String> {
    let mut env = env_for(it);
    match super::tags::process_file(it, file, &mut env) {
        Some(Ok(s)) => Ok(s),
        Some(Err(e)) => Err(e.message.clone()),
        None => Err(format!("cannot read {}", file.display())),
    }
}

/// HTML text processed (`WEB SEND TEXT`, `WEB SEND BLOB`): includes resolve
/// from the web folder.
pub fn process_html(it: &mut Interp<'_>, html: &str) -> String {
    let mut env = env_for(it);
    let dir = env.web_root.clone().unwrap_or_default();
    super::tags::process_text(it, html, &mut env, dir).unwrap_or_else(|e| e.message.clone())
}

/// The answer for a URL naming a `.shtm`/`.shtml` page of the web folder.
pub fn tagged_page(it: &mut Interp<'_>, url_path: &str) -> Option<HttpResponse> {
    let root = web_folder(&super::host::get(it).rt.clone())?;
    let file = super::server::static_file(&root, url_path)?;
    if !is_tagged(&file) {
        return None;
    }
    Some(match process_file(it, &file) {
        Ok(page) => HttpResponse {
            status: 200,
            headers: vec![("Content-Type".into(), "text/html; charset=utf-8".into())],
            body: page.into_bytes(),
            file: None,
        },
        Err(m) => {
            it.write_err(&format!("fourd: {}: {}\n", file.display(), m));
            HttpResponse::text(500, "Internal Server Error")
        }
    })
}

/// The file `WEB SEND FILE(name)` sends: a name with a leading `/` (or a relative
/// one) is in the web folder; else a full path of the file system.
pub fn send_file_path(rt: &WebRuntime, name: &str) -> Option<PathBuf> {
    let p = Path::new(name);
    if let Some(root) = web_folder(rt) {
        if !p.is_absolute() || name.starts_with('/') {
            if let Some(f) = super::paths::find_ci(&root, name.trim_start_matches('/')) {
                if f.is_file() && f.canonicalize().ok()?.starts_with(&root) {
                    return Some(f);
                }
            }
        }
    }
    (p.is_absolute() && p.is_file()).then(|| p.to_path_buf())
}
