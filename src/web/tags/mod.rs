//! 4D transformation tags: the one template processor, used by `PROCESS 4D TAGS`
//! and by the web server (`.shtm`/`.shtml` pages, `WEB SEND FILE`, HTML sent with
//! `WEB SEND TEXT`/`WEB SEND BLOB`). Reference: the 4D docs' "Transformation tags"
//! page and `PROCESS 4D TAGS`.
//!
//! - [`parse`]: text → nodes (`4DTEXT`, `4DHTML`, `4DEVAL`, `4DIF`/`4DELSEIF`/
//!   `4DELSE`/`4DENDIF`, `4DLOOP`, `4DEACH`, `4DINCLUDE`, `4DBASE`, `4DSCRIPT/`,
//!   `4DCODE`, the legacy `4DVAR`/`4DHTMLVAR`/`4DACTION/` forms, `$4DTEXT(...)`,
//!   `$4DHTML(...)`, `$4DEVAL(...)`);
//! - [`run`]: nodes → text, in a local frame of the template's own.
//!
//! Templates are parsed once: a file is cached by path and re-parsed when its
//! modification time or size changes; a text (`PROCESS 4D TAGS`) is cached by its
//! content. The 4D code of the tags compiles once (`compile::dynamic`'s cache).
//!
//! Choices where the docs are silent (tested in `tests/golden/tags/`):
//! - `4DTEXT` escapes `& < > " '` (`&amp; &lt; &gt; &quot; &#39;`); `4DHTML`,
//!   `4DEVAL` and `$4D...` forms insert the value as is; numbers use `.`.
//! - Error texts are the docs' (`<!--#4DTEXT x--> : ## error # N`,
//!   `<!--#4DEVAL x-->: ## error # N`, `: A Boolean expression was expected`,
//!   `: 4DENDIF expected`, ` :The document cannot be opened`...). Unknown `4D` tags,
//!   unterminated tags and stray `4DELSE`/`4DENDIF`/`4DENDLOOP`/`4DENDEACH` become
//!   `<tag>: unknown 4D tag`, `<tag...>: --> expected`, `<tag>: 4DIF expected`...
//! - `4DINCLUDE` nests up to 16 levels (4D's "one level" is lifted), a file that
//!   includes itself (directly or not) gives `: recursive inclusion`. On the web
//!   server, an included path must stay inside the web folder (a leading `/` is the
//!   web folder), and names are matched case-insensitively.
//! - `On Web Authentication` runs once per page, before the first `4DSCRIPT` or
//!   `4DLOOP method` of a page served by the web server; `PROCESS 4D TAGS` never
//!   calls it (docs).

pub mod parse;
pub mod run;

use crate::compile::ir::{MethodId, Program};
use crate::runtime::error::RtResult;
use crate::runtime::interp::Interp;
use crate::runtime::value::Value;
use parse::Parsed;
use std::cell::RefCell;
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::rc::Rc;

/// What a processing gets from its caller.
#[derive(Default)]
pub struct Env {
    /// `$1...$n` (`PROCESS 4D TAGS`' parameters).
    pub params: Vec<Value>,
    /// On the web server: the web folder (includes stay inside it).
    pub web_root: Option<PathBuf>,
    /// On the web server: `On Web Authentication` and its six parameters.
    pub auth: Option<(MethodId, Vec<Value>)>,
}

impl Env {
    /// The file a `4DINCLUDE` names, from folder `dir`.
    pub fn resolve_include(&self, dir: &Path, path: &str) -> Option<PathBuf> {
        let (base, rel) = match (&self.web_root, path.strip_prefix('/')) {
            (Some(root), Some(rest)) => (root.clone(), rest),
            _ => (dir.to_path_buf(), path),
        };
        let f = super::paths::find_ci(&base, rel)?;
        let f = f.canonicalize().ok()?;
        if let Some(root) = &self.web_root {
            if !f.starts_with(root) {
                return None;
            }
        }
        f.is_file().then_some(f)
    }
}

type TextCache = HashMap<(usize, bool, Rc<str>), Rc<Parsed>>;
type FileCache = HashMap<(usize, bool, PathBuf), (Option<std::time::SystemTime>, u64, Rc<Parsed>)>;

thread_local! {
    static FILES: RefCell<FileCache> = RefCell::new(HashMap::new());
    static TEXTS: RefCell<TextCache> = RefCell::new(HashMap::new());
    static HITS: RefCell<HashMap<PathBuf, u64>> = RefCell::new(HashMap::new());
}

/// The template files used on this thread, with how many times each was
/// (`WEB GET STATISTICS`), sorted by path.
pub fn cache_stats() -> Vec<(String, u64)> {
    let mut v: Vec<(String, u64)> = HITS.with(|h| {
        h.borrow()
            .iter()
            .map(|(p, n)| (p.to_string_lossy().replace('\\', "/"), *n))
            .collect()
    });
    v.sort();
    v
}

fn parse_with(prog: &Program, src: &str, dollar: bool) -> Parsed {
    let is_method = |name: &str| prog.method_names.contains_key(&name.trim().to_lowercase());
    parse::parse(src, dollar, &is_method)
}

/// A text parsed (cached by content; at most 512 texts kept).
pub fn parse_cached_text(prog: &Program, src: &str, dollar: bool) -> Rc<Parsed> {
    let key = (prog as *const Program as usize, dollar, Rc::from(src));
    if let Some(p) = TEXTS.with(|t| t.borrow().get(&key).cloned()) {
        return p;
    }
    let p = Rc::new(parse_with(prog, src, dollar));
    TEXTS.with(|t| {
        let mut t = t.borrow_mut();
        if t.len() >= 512 {
            t.clear();
        }
        t.insert(key, p.clone());
    });
    p
}

/// The part of an included page that is inserted: what lies between `<body ...>`
/// and `</body>` when the page has both, else the whole page.
fn body_of(s: &str) -> &str {
    let lower = s.to_ascii_lowercase();
    let Some(open) = lower.find("<body") else {
        return s;
    };
    let Some(gt) = lower[open..].find('>') else {
        return s;
    };
    let start = open + gt + 1;
    match lower[start..].find("</body>") {
        Some(end) => &s[start..start + end],
        None => s,
    }
}

/// A file parsed (cached; parsed again when it changes). `body`: only its body
/// (`4DINCLUDE`). `None` when it cannot be read.
pub fn parse_cached_file(prog: &Program, path: &Path, body: bool) -> Option<Rc<Parsed>> {
    let meta = std::fs::metadata(path).ok()?;
    HITS.with(|h| *h.borrow_mut().entry(path.to_path_buf()).or_insert(0) += 1);
    let (mtime, len) = (meta.modified().ok(), meta.len());
    let key = (prog as *const Program as usize, body, path.to_path_buf());
    if let Some(p) = FILES.with(|f| {
        f.borrow()
            .get(&key)
            .filter(|(m, l, _)| *m == mtime && *l == len)
            .map(|(_, _, p)| p.clone())
    }) {
        return Some(p);
    }
    let bytes = std::fs::read(path).ok()?;
    let src = String::from_utf8_lossy(&bytes);
    let src = if body { body_of(&src) } else { &src };
    let p = Rc::new(parse_with(prog, src, true));
    FILES.with(|f| f.borrow_mut().insert(key, (mtime, len, p.clone())));
    Some(p)
}

/// Processes a template text; includes resolve from `dir`. `Err` only for `ABORT`.
pub fn process_text(
    it: &mut Interp<'_>,
    src: &str,
    env: &mut Env,
    dir: PathBuf,
) -> RtResult<String> {
    if !src.contains("4D") && !src.contains("4d") {
        return Ok(src.to_string());
    }
    let parsed = parse_cached_text(it.prog, src, true);
    process_parsed(it, parsed, env, dir)
}

/// Processes a template file (a web page). `None` when it cannot be read.
pub fn process_file(it: &mut Interp<'_>, path: &Path, env: &mut Env) -> Option<RtResult<String>> {
    let parsed = parse_cached_file(it.prog, path, false)?;
    let dir = path.parent().map(|p| p.to_path_buf()).unwrap_or_default();
    Some(process_parsed(it, parsed, env, dir))
}

fn process_parsed(
    it: &mut Interp<'_>,
    parsed: Rc<Parsed>,
    env: &mut Env,
    dir: PathBuf,
) -> RtResult<String> {
    run::Runner::with_frame(it, env, dir, |r, it| {
        let c = run::compile(it.prog, parsed, r.tail);
        r.tail = c.tail;
        let mut out = String::new();
        r.run(it, &c, &c.parsed.nodes, &mut out).map(|_| out)
    })
}
