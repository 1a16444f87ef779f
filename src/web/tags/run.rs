//! Running a parsed template in an interpreter.
//!
//! A template has a local frame of its own (4D: "a dedicated set of local
//! variables"): the frame of a root method (`compile::dynamic::template_root`)
//! whose first slots are the processor's work slots (`$_4dtag_r`, `$_4dtag_i`,
//! `$_4dtag_p`). Each snippet is compiled as an `EXECUTE FORMULA` text whose caller
//! is the previous snippet (document order), so each one's local slots extend the
//! previous one's: every `$name` of the template has one slot, whichever tag names
//! it first, and `$1...$n` are the parameters of `PROCESS 4D TAGS`. Compiled texts
//! are cached by `compile::dynamic` (same text, same caller: same method), so a
//! template compiles once.
//!
//! Errors never stop the page: the failing tag is replaced by 4D's error text
//! (`<!--#4DTEXT x--> : ## error # 12`, `...: A Boolean expression was expected`,
//! ...), except `ABORT`, which stops the processing.

use super::parse::{LoopKind, Node, Out, Parsed};
use super::Env;
use crate::compile::ir::MethodId;
use crate::runtime::error::RtResult;
use crate::runtime::interp::{Frame, Interp};
use crate::runtime::value::{text, Value};
use std::path::PathBuf;
use std::rc::Rc;

/// How deep includes and re-processed results may nest.
pub const MAX_DEPTH: usize = 16;

/// A parsed template with its compiled snippets.
pub struct Compiled {
    pub parsed: Rc<Parsed>,
    pub ids: Vec<Result<MethodId, Rc<str>>>,
    /// The last snippet that compiled (the caller of what is compiled next).
    pub tail: MethodId,
}

pub fn compile(
    prog: &crate::compile::ir::Program,
    parsed: Rc<Parsed>,
    start: MethodId,
) -> Compiled {
    use crate::compile::dynamic::{compile, Kind};
    let mut tail = start;
    let mut ids = Vec::with_capacity(parsed.snippets.len());
    for s in &parsed.snippets {
        let r = compile(prog, Kind::Execute, tail, 0, s);
        if let Ok(id) = r {
            tail = id;
        }
        ids.push(r);
    }
    Compiled { parsed, ids, tail }
}

/// The state of one processing (a page and what it includes).
pub struct Runner<'e> {
    pub env: &'e mut Env,
    base: usize,
    bound: usize,
    pub tail: MethodId,
    depth: usize,
    includes: Vec<PathBuf>,
    /// The folder `4DINCLUDE` resolves against (the current document's, or 4DBASE).
    dir: PathBuf,
    doc_dir: PathBuf,
    auth: Option<bool>,
}

/// An error: stop (`ABORT`) or the 4D error code.
enum Fail {
    Abort(Box<crate::runtime::error::RtError>),
    Code(i32, String),
}

fn fail(e: Box<crate::runtime::error::RtError>) -> Fail {
    if e.abort || e.fatal {
        Fail::Abort(e)
    } else {
        Fail::Code(e.code, e.message.clone())
    }
}

/// HTML escaping of `4DTEXT`: `&`, `<`, `>`, `"` and `'` (so that a value is safe
/// in element content and in quoted attributes alike).
pub fn escape(s: &str, out: &mut String) {
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
}

/// A value as a tag inserts it (`.` as decimal separator; a BLOB as UTF-8 text).
fn value_text(v: &Value) -> String {
    match v {
        Value::Blob(b) => String::from_utf8_lossy(b).into_owned(),
        v => crate::runtime::format::to_text(v),
    }
}

fn is_array_type(t: i64) -> bool {
    matches!(t, 14..=22 | 30..=32 | 39 | 42)
}

impl<'e> Runner<'e> {
    /// Runs `f` with a template frame pushed on `it`.
    pub fn with_frame<T>(
        it: &mut Interp<'_>,
        env: &'e mut Env,
        doc_dir: PathBuf,
        f: impl FnOnce(&mut Runner<'e>, &mut Interp<'_>) -> T,
    ) -> T {
        let root = crate::compile::dynamic::template_root(
            it.prog,
            "PROCESS 4D TAGS",
            &super::parse::ROOT_SLOTS,
        );
        let base = it.locals.len();
        for _ in super::parse::ROOT_SLOTS {
            it.locals.push(Value::Undefined);
            it.ltypes.push(crate::runtime::value::VarType::Variant);
        }
        let (saved_base, saved_pos, depth) = (it.base, it.cur_pos, it.frames.len());
        it.frames.push(Frame {
            method: root,
            base,
            nargs: env.params.len() as u32,
            varargs: Vec::new(),
            ret: Value::Undefined,
            this: Value::Undefined,
            call_pos: it.cur_pos,
            deferred: Vec::new(),
        });
        it.base = base;
        let mut r = Runner {
            env,
            base,
            bound: 0,
            tail: root,
            depth: 0,
            includes: Vec::new(),
            dir: doc_dir.clone(),
            doc_dir,
            auth: None,
        };
        let out = f(&mut r, it);
        it.frames.truncate(depth);
        it.locals.truncate(base);
        it.ltypes.truncate(base);
        it.base = saved_base;
        it.cur_pos = saved_pos;
        out
    }

    fn set(&self, it: &mut Interp<'_>, slot: usize, v: Value) {
        it.locals[self.base + slot] = v;
    }

    fn take(&self, it: &mut Interp<'_>, slot: usize) -> Value {
        std::mem::take(&mut it.locals[self.base + slot])
    }

    /// Runs snippet `k` of `c` in the template frame.
    fn exec(&mut self, it: &mut Interp<'_>, c: &Compiled, k: usize) -> Result<(), Fail> {
        let id = match &c.ids[k] {
            Ok(id) => *id,
            Err(m) => {
                return Err(Fail::Code(
                    crate::runtime::error::codes::BAD_FORMULA_TEXT,
                    m.to_string(),
                ))
            }
        };
        let Some(m) = it.method(id) else {
            return Err(Fail::Code(
                crate::runtime::error::codes::UNKNOWN_NAME,
                "Unknown method".into(),
            ));
        };
        it.grow_vars();
        while it.locals.len() < self.base + m.slot_types.len() {
            let t = m.slot_types[it.locals.len() - self.base];
            it.locals.push(t.default_value());
            it.ltypes.push(t);
        }
        if m.param_slots.len() > self.bound {
            for (k, &slot) in m.param_slots.iter().enumerate().skip(self.bound) {
                if let Some(v) = self.env.params.get(k) {
                    it.locals[self.base + slot as usize] = v.clone();
                }
            }
            self.bound = m.param_slots.len();
        }
        if let Some(f) = it.frames.last_mut() {
            f.method = id;
        }
        it.base = self.base;
        let r: RtResult<_> = it.exec_block(&m.body);
        r.map(|_| ()).map_err(fail)
    }

    /// Evaluates the value snippet `k` (`$_4dtag_r:=(...)`).
    fn value(&mut self, it: &mut Interp<'_>, c: &Compiled, k: usize) -> Result<Value, Fail> {
        self.exec(it, c, k)?;
        Ok(self.take(it, 0))
    }

    fn boolean(&mut self, it: &mut Interp<'_>, c: &Compiled, k: usize) -> Result<bool, Fail> {
        match self.value(it, c, k)? {
            Value::Bool(b) => Ok(b),
            _ => Err(Fail::Code(0, "A Boolean expression was expected".into())),
        }
    }

    /// On Web Authentication, once per page, before the first 4DSCRIPT or method
    /// loop of a web page (always true outside the web server).
    fn authorized(&mut self, it: &mut Interp<'_>) -> bool {
        if let Some(a) = self.auth {
            return a;
        }
        let ok = match self.env.auth.clone() {
            Some((m, params)) => !matches!(
                it.call_method(m, params, 0),
                Ok(Value::Bool(false)) | Err(_)
            ),
            None => true,
        };
        self.auth = Some(ok);
        ok
    }

    /// Runs the nodes of `c`; `Err` only for `ABORT`.
    pub fn run(
        &mut self,
        it: &mut Interp<'_>,
        c: &Compiled,
        nodes: &[Node],
        out: &mut String,
    ) -> RtResult<()> {
        for n in nodes {
            match self.node(it, c, n, out) {
                Ok(()) => {}
                Err(Fail::Abort(e)) => return Err(e),
                Err(Fail::Code(..)) => {}
            }
        }
        Ok(())
    }

    fn node(
        &mut self,
        it: &mut Interp<'_>,
        c: &Compiled,
        n: &Node,
        out: &mut String,
    ) -> Result<(), Fail> {
        match n {
            Node::Text(t) => out.push_str(t),
            Node::Marker(m) => out.push_str(m),
            Node::Out {
                kind,
                raw,
                dollar,
                snip,
            } => {
                let v = if *kind == Out::Eval && c.ids[*snip].is_err() {
                    self.exec(it, c, snip + 1).map(|_| Value::Undefined)
                } else {
                    self.value(it, c, *snip)
                };
                match v {
                    Ok(v) => {
                        let s = value_text(&v);
                        match kind {
                            Out::Text => escape(&s, out),
                            _ if *dollar => out.push_str(&s),
                            _ => self.reprocess(it, &s, out)?,
                        }
                    }
                    Err(Fail::Code(code, _)) => {
                        let sep = if *kind == Out::Eval { ":" } else { " :" };
                        out.push_str(&format!("{}{} ## error # {}", raw, sep, code));
                    }
                    Err(a) => return Err(a),
                }
            }
            Node::If {
                arms,
                otherwise,
                unclosed,
            } => {
                if *unclosed {
                    out.push_str(&format!("{}: 4DENDIF expected", arms[0].0));
                    return Ok(());
                }
                for (raw, snip, body) in arms {
                    match self.boolean(it, c, *snip) {
                        Ok(true) => return self.run(it, c, body, out).map_err(Fail::Abort),
                        Ok(false) => {}
                        Err(Fail::Code(..)) => {
                            out.push_str(&format!("{}: A Boolean expression was expected", raw));
                            return Ok(());
                        }
                        Err(a) => return Err(a),
                    }
                }
                self.run(it, c, otherwise, out).map_err(Fail::Abort)?;
            }
            Node::Loop {
                raw,
                kind,
                snip,
                body,
                unclosed,
            } => {
                if *unclosed {
                    out.push_str(&format!("{}: 4DENDLOOP expected", raw));
                    return Ok(());
                }
                let mut part = String::new();
                match self.run_loop(it, c, *kind, *snip, body, &mut part) {
                    Ok(()) => out.push_str(&part),
                    Err(Fail::Code(_, m)) => out.push_str(&format!("{}: {}", raw, m)),
                    Err(a) => return Err(a),
                }
            }
            Node::Each {
                raw,
                snip,
                body,
                unclosed,
            } => {
                if *unclosed {
                    out.push_str(&format!("{}: 4DENDEACH expected", raw));
                    return Ok(());
                }
                let mut part = String::new();
                match self.run_each(it, c, *snip, body, &mut part) {
                    Ok(()) => out.push_str(&part),
                    Err(Fail::Code(0, m)) => out.push_str(&format!("{}: {}", raw, m)),
                    Err(Fail::Code(code, _)) => {
                        out.push_str(&part);
                        out.push_str(&format!("{}: ## error # {}", raw, code))
                    }
                    Err(a) => return Err(a),
                }
            }
            Node::Include { raw, path } => self.include(it, raw, path, out)?,
            Node::Base(p) => {
                self.dir = if p.eq_ignore_ascii_case("WEBFOLDER") {
                    self.doc_dir.clone()
                } else {
                    self.doc_dir.join(p.trim())
                };
            }
            Node::Script { raw, param, snip } => {
                if !self.authorized(it) {
                    return Ok(());
                }
                self.set(it, 2, text(param.as_str()));
                match self.value(it, c, *snip) {
                    Ok(v) => {
                        let s = value_text(&v);
                        match s.strip_prefix('\u{1}') {
                            Some(html) => self.reprocess(it, html, out)?,
                            None => escape(&s, out),
                        }
                    }
                    Err(Fail::Code(code, _)) => {
                        out.push_str(&format!("{} : ## error # {}", raw, code))
                    }
                    Err(a) => return Err(a),
                }
            }
            Node::Code { snip } => match self.exec(it, c, *snip) {
                Ok(()) => {}
                Err(Fail::Code(code, m)) => {
                    out.push_str(&format!("<!--#4DCODE--> : ## error # {}", code));
                    it.write_err(&format!("4DCODE: error {}: {}\n", code, m));
                }
                Err(a) => return Err(a),
            },
        }
        Ok(())
    }

    fn run_loop(
        &mut self,
        it: &mut Interp<'_>,
        c: &Compiled,
        kind: LoopKind,
        s: usize,
        body: &[Node],
        out: &mut String,
    ) -> Result<(), Fail> {
        let run_body = |r: &mut Self, it: &mut Interp<'_>, out: &mut String| {
            r.run(it, c, body, out).map_err(Fail::Abort)
        };
        match kind {
            LoopKind::Table => {
                if c.ids[s].is_err() {
                    return Err(Fail::Code(0, "Incorrect table name".into()));
                }
                self.exec(it, c, s).map_err(|e| match e {
                    Fail::Code(..) => Fail::Code(0, "Incorrect table name".into()),
                    a => a,
                })?;
                while self.boolean(it, c, s + 1)? {
                    run_body(self, it, out)?;
                    self.exec(it, c, s + 2)?;
                }
            }
            LoopKind::Method => {
                if !self.authorized(it) {
                    return Ok(());
                }
                if c.ids[s].is_err() {
                    return Err(Fail::Code(0, "The method does not exist".into()));
                }
                let mut i = 0;
                loop {
                    self.set(it, 1, Value::Int(i));
                    if !self.boolean(it, c, s)? {
                        break;
                    }
                    if i > 0 {
                        run_body(self, it, out)?;
                    }
                    i += 1;
                }
            }
            LoopKind::Other => {
                let mut ptr = None;
                if c.ids[s].is_ok() && self.exec(it, c, s).is_ok() {
                    let p = self.take(it, 2);
                    self.set(it, 2, p.clone());
                    let t = self.value(it, c, s + 1).ok().and_then(|v| v.as_num());
                    match t.map(|t| t as i64) {
                        Some(t) if is_array_type(t) => ptr = Some(p),
                        Some(23) => {
                            // a pointer (to an array): `<!--#4DLOOP $2-->`
                            self.set(it, 2, p);
                            self.exec(it, c, s + 2)?;
                            let q = self.take(it, 2);
                            self.set(it, 2, q.clone());
                            match self.value(it, c, s + 1)?.as_num() {
                                Some(t) if is_array_type(t as i64) => ptr = Some(q),
                                _ => return Err(Fail::Code(0, "An array was expected".into())),
                            }
                        }
                        _ => {}
                    }
                }
                match ptr {
                    Some(p) => {
                        self.set(it, 2, p.clone());
                        let n = self.value(it, c, s + 3)?.as_num().unwrap_or(0.0) as i32;
                        for i in 1..=n {
                            self.set(it, 2, p.clone());
                            self.set(it, 1, Value::Int(i));
                            self.exec(it, c, s + 4)?;
                            run_body(self, it, out)?;
                        }
                    }
                    None => loop {
                        match self.value(it, c, s + 5)? {
                            Value::Bool(true) => run_body(self, it, out)?,
                            Value::Bool(false) => break,
                            _ => return Err(Fail::Code(0, "Unexpected expression type".into())),
                        }
                    },
                }
            }
        }
        Ok(())
    }

    fn run_each(
        &mut self,
        it: &mut Interp<'_>,
        c: &Compiled,
        s: usize,
        body: &[Node],
        out: &mut String,
    ) -> Result<(), Fail> {
        self.exec(it, c, s)?;
        let mut v = self.take(it, 2);
        if let Value::Object(_) = v {
            self.set(it, 2, v);
            self.exec(it, c, s + 2)?;
            v = self.take(it, 2);
        }
        let n = match &v {
            Value::Collection(items) => items.borrow().len(),
            _ => {
                return Err(Fail::Code(
                    0,
                    "A collection, an entity selection or an object was expected".into(),
                ))
            }
        };
        for i in 0..n {
            self.set(it, 2, v.clone());
            self.set(it, 1, Value::Int(i as i32));
            self.exec(it, c, s + 1)?;
            self.run(it, c, body, out).map_err(Fail::Abort)?;
        }
        Ok(())
    }

    /// The result of a `4DHTML`/`4DEVAL`/HTML `4DSCRIPT` tag, processed again when
    /// it holds comment tags (never `$4DTEXT(...)` forms: 4D's rule against
    /// injection).
    fn reprocess(&mut self, it: &mut Interp<'_>, s: &str, out: &mut String) -> Result<(), Fail> {
        if !s.contains("<!--") || self.depth >= MAX_DEPTH {
            out.push_str(s);
            return Ok(());
        }
        let parsed = super::parse_cached_text(it.prog, s, false);
        let c = compile(it.prog, parsed, self.tail);
        self.tail = c.tail;
        self.depth += 1;
        let r = self.run(it, &c, &c.parsed.nodes, out);
        self.depth -= 1;
        r.map_err(Fail::Abort)
    }

    fn include(
        &mut self,
        it: &mut Interp<'_>,
        raw: &str,
        path: &str,
        out: &mut String,
    ) -> Result<(), Fail> {
        let cannot =
            |out: &mut String| out.push_str(&format!("{} :The document cannot be opened", raw));
        let Some(file) = self.env.resolve_include(&self.dir, path.trim()) else {
            cannot(out);
            return Ok(());
        };
        if self.includes.contains(&file) {
            out.push_str(&format!("{}: recursive inclusion", raw));
            return Ok(());
        }
        if self.depth >= MAX_DEPTH {
            out.push_str(&format!("{}: too many nested inclusions", raw));
            return Ok(());
        }
        let Some(parsed) = super::parse_cached_file(it.prog, &file, true) else {
            cannot(out);
            return Ok(());
        };
        let c = compile(it.prog, parsed, self.tail);
        self.tail = c.tail;
        let dir = file.parent().map(|p| p.to_path_buf()).unwrap_or_default();
        let saved = (
            std::mem::replace(&mut self.dir, dir.clone()),
            std::mem::replace(&mut self.doc_dir, dir),
        );
        self.includes.push(file);
        self.depth += 1;
        let r = self.run(it, &c, &c.parsed.nodes, out);
        self.depth -= 1;
        self.includes.pop();
        (self.dir, self.doc_dir) = saved;
        r.map_err(Fail::Abort)
    }
}
