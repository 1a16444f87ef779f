//! One REPL session: a compiler that keeps growing (each entry becomes a hidden
//! method), one process whose process and interprocess variables persist, and the
//! `$locals` carried from one entry to the next.
//!
//! An entry is compiled with the local slots of the previous entries already in
//! place ([`Compiler::compile_with_locals`]) and run at top level with their
//! values ([`Interp::run_entry`]), so `$x:=1` then `$x+1` prints `2`.

use crate::compile::ir::MethodId;
use crate::compile::Compiler;
use crate::project;
use crate::runtime::interp::Interp;
use crate::runtime::oop::OoState;
use crate::runtime::process::Process;
use crate::runtime::value::{Ptr, Value, VarType};
use crate::syntax::ast::{ExprKind, Stmt, StmtKind, Suffix};
use crate::syntax::{self, diagnostics, KnownNames};
use std::cell::RefCell;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::rc::Rc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

/// The names completion offers, refreshed after each entry.
#[derive(Debug, Default, Clone)]
pub struct ScopeNames {
    /// `$name` of every local of the session.
    pub locals: Vec<String>,
    /// Process variables (`x`) and interprocess variables (`<>x`).
    pub vars: Vec<String>,
    pub methods: Vec<String>,
    /// Class names (`cs.Name`).
    pub classes: Vec<String>,
}

/// One variable as `:vars` lists it.
#[derive(Debug, Clone, PartialEq)]
pub struct VarLine {
    pub name: String,
    pub ty: String,
    pub value: String,
}

/// A writer that remembers whether the last byte written ended a line, so the
/// prompt can start on a fresh line after `LOG EVENT` output without a newline.
#[derive(Clone)]
pub struct Tracked {
    inner: Rc<RefCell<Box<dyn Write>>>,
    at_line_start: Rc<RefCell<bool>>,
}

impl Tracked {
    pub fn new(w: Box<dyn Write>) -> Tracked {
        Tracked {
            inner: Rc::new(RefCell::new(w)),
            at_line_start: Rc::new(RefCell::new(true)),
        }
    }

    pub fn at_line_start(&self) -> bool {
        *self.at_line_start.borrow()
    }
}

impl Write for Tracked {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        let n = self.inner.borrow_mut().write(buf)?;
        if n > 0 {
            *self.at_line_start.borrow_mut() = buf[n - 1] == b'\n';
        }
        Ok(n)
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.inner.borrow_mut().flush()
    }
}

/// Where the session's code comes from.
#[derive(Debug, Clone, Default)]
struct Origin {
    /// `Project/Sources` of a 4D project, or a folder of `.4dm` scripts.
    methods_dir: Option<PathBuf>,
    classes_dir: Option<PathBuf>,
    known: KnownNames,
}

pub struct Session {
    origin: Origin,
    compiler: Compiler,
    process: Process,
    inter: Vec<Value>,
    inter_types: Vec<VarType>,
    locals: Vec<Value>,
    ltypes: Vec<VarType>,
    local_names: Vec<Rc<str>>,
    out: Tracked,
    err: Tracked,
    /// Render syntax errors with colors.
    pub color: bool,
    entries: usize,
    /// Set by Ctrl-C while an entry runs; cleared before each entry.
    interrupt: Arc<AtomicBool>,
    /// Classes, formulas and error handling state, kept between entries.
    oo: Option<OoState>,
    /// The run-wide part of the world kept between entries: the process table
    /// with `Storage`, semaphores and shared objects (`runtime::scheduler`).
    sched: Option<Box<crate::runtime::scheduler::Sched>>,
    /// The datastore connection and the process's view of it.
    db: Option<crate::datastore::ProcessDb>,
}

impl Origin {
    fn at(path: Option<&Path>) -> Result<Origin, String> {
        let Some(path) = path else {
            return Ok(Origin::default());
        };
        let dir = if path.is_dir() {
            path.to_path_buf()
        } else if path.is_file() {
            match path.parent() {
                Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
                _ => PathBuf::from("."),
            }
        } else {
            return Err(format!("{}: no such file or folder", path.display()));
        };
        Ok(match crate::project::sources_above(&dir) {
            Some(sources) => Origin {
                methods_dir: Some(sources.join("Methods")),
                classes_dir: Some(sources.join("Classes")),
                known: project::names_at(&sources),
            },
            None => Origin {
                methods_dir: Some(dir.clone()),
                classes_dir: Some(dir.join("Classes")),
                known: project::names_at(&dir),
            },
        })
    }
}

impl Session {
    /// A session over a project, a folder of `.4dm` files, or nothing. Output goes
    /// to `out` (values, `ALERT`) and `err` (diagnostics).
    pub fn new(
        path: Option<&Path>,
        out: Box<dyn Write>,
        err: Box<dyn Write>,
    ) -> Result<Session, String> {
        crate::commands::register();
        let origin = Origin::at(path)?;
        let mut s = Session {
            origin,
            compiler: Compiler::new(),
            process: Process::default(),
            inter: Vec::new(),
            inter_types: Vec::new(),
            locals: Vec::new(),
            ltypes: Vec::new(),
            local_names: Vec::new(),
            out: Tracked::new(out),
            err: Tracked::new(err),
            color: false,
            entries: 0,
            interrupt: Arc::new(AtomicBool::new(false)),
            oo: None,
            sched: None,
            db: None,
        };
        s.reset();
        Ok(s)
    }

    /// Forgets every variable and entry; the project's methods stay callable.
    pub fn reset(&mut self) {
        let mut c = Compiler::new();
        c.known = self.origin.known.clone();
        if let Some(dir) = &self.origin.methods_dir {
            for name in project::method_names_in(dir) {
                let p = dir.join(format!("{name}.4dm"));
                c.add_method(&name, p);
            }
        }
        let mut errors = String::new();
        if let Some(dir) = &self.origin.classes_dir {
            for name in project::method_names_in(dir) {
                let p = dir.join(format!("{name}.4dm"));
                let cid = c.add_class(&name);
                for b in crate::compile::on_demand::compile_class_file(
                    &mut c,
                    cid,
                    &p,
                    &self.origin.known,
                ) {
                    errors.push_str(&format!("{b}\n"));
                }
            }
        }
        c.link();
        self.oo = None;
        self.sched = None;
        self.db = None;
        self.process = Process::new(&c.program().process_vars);
        self.inter.clear();
        self.inter_types.clear();
        self.locals.clear();
        self.ltypes.clear();
        self.local_names.clear();
        self.compiler = c;
        self.entries = 0;
        if !errors.is_empty() {
            self.error(&errors);
        }
    }

    pub fn out(&mut self) -> &mut Tracked {
        &mut self.out
    }

    pub fn err(&mut self) -> &mut Tracked {
        &mut self.err
    }

    /// The names known to the lexer (project methods, tables, fields).
    pub fn known(&self) -> &KnownNames {
        &self.origin.known
    }

    /// Evaluates one entry: prints the value of a final bare expression, runs
    /// statements silently, prints diagnostics. Returns false on an error.
    pub fn eval(&mut self, src: &str) -> bool {
        match self.run(src, "<repl>", true) {
            Ok(Some(v)) => {
                if !self.out.at_line_start() {
                    let _ = self.out.write_all(b"\n");
                }
                let line = format!("{}\n", self.show(&v));
                let _ = self.out.write_all(line.as_bytes());
                let _ = self.out.flush();
                true
            }
            Ok(None) => true,
            Err(()) => false,
        }
    }

    /// `:type EXPR`: the type of a value.
    pub fn type_of(&mut self, src: &str) -> bool {
        match self.run(src, "<repl>", false) {
            Ok(Some(v)) => {
                let line = format!("{}\n", v.type_name());
                let _ = self.out.write_all(line.as_bytes());
                true
            }
            Ok(None) => {
                let _ = self.out.write_all(b"Undefined\n");
                true
            }
            Err(()) => false,
        }
    }

    /// `:load FILE`: runs a file in this session (its `$locals` join the session's).
    pub fn load(&mut self, file: &Path) -> bool {
        match std::fs::read_to_string(file) {
            Ok(text) => {
                let text = text.trim_start_matches('\u{feff}').to_string();
                self.run(&text, &file.display().to_string(), false).is_ok()
            }
            Err(e) => {
                self.error(&format!("{}: {}\n", file.display(), e));
                false
            }
        }
    }

    fn error(&mut self, msg: &str) {
        let _ = self.out.flush();
        let _ = self.err.write_all(msg.as_bytes());
        let _ = self.err.flush();
    }

    /// Compiles and runs `src` as one entry. `Ok(Some(v))` when `src` ends with a
    /// bare expression: with `print_only_values`, not for a command or method call
    /// that gave nothing (`ALERT("x")`).
    fn run(&mut self, src: &str, path: &str, print_only_values: bool) -> Result<Option<Value>, ()> {
        let parsed = syntax::parse(src, &self.origin.known);
        if !parsed.errors.is_empty() {
            let mut msg = String::new();
            for e in &parsed.errors {
                let snippet = diagnostics::render_snippet(path, src, e, self.color);
                if snippet.is_empty() {
                    msg.push_str(&diagnostics::format_error(path, src, e));
                    msg.push('\n');
                } else {
                    msg.push_str(&snippet);
                }
            }
            self.error(&msg);
            return Err(());
        }
        let mut file = parsed.file;
        // a final bare expression becomes `return expr` to get its value
        let mut wants_value = false;
        let mut call_like = false;
        if let Some(Stmt {
            kind: StmtKind::Expr(e),
            ..
        }) = file.body.last()
        {
            wants_value = true;
            call_like = match &e.kind {
                ExprKind::Call { .. } | ExprKind::Apply { .. } => true,
                ExprKind::Name(n) => {
                    !matches!(n.suffix, Suffix::None)
                        || crate::commands::by_name(&n.text).is_some()
                        || self.compiler.method_id(&n.text).is_some()
                }
                _ => false,
            };
            if let Some(last) = file.body.pop() {
                let StmtKind::Expr(e) = last.kind else {
                    unreachable!()
                };
                file.body.push(Stmt {
                    kind: StmtKind::Return(Some(e)),
                    span: last.span,
                });
            }
        }
        self.entries += 1;
        let id = self
            .compiler
            .add_hidden_method(&entry_name(path), PathBuf::from(path));
        let locals = self.local_names.clone();
        self.compiler
            .compile_with_locals(id, &file, Rc::from(src), &locals);
        let compiled = self.compile_pending();
        self.compiler.link();
        if !compiled {
            return Err(());
        }
        let r = self.execute(id);
        if !self.out.at_line_start() && self.color {
            let _ = self.out.write_all(b"\n");
        }
        let _ = self.out.flush();
        match r {
            Ok(v) => {
                if !wants_value || (print_only_values && call_like && matches!(v, Value::Undefined))
                {
                    Ok(None)
                } else {
                    Ok(Some(v))
                }
            }
            Err(msg) => {
                self.error(&msg);
                Err(())
            }
        }
    }

    /// Compiles the project methods the last entry referenced (and those they call).
    /// A broken method is reported here, once, and raises error 48 when called; the
    /// entry still runs.
    fn compile_pending(&mut self) -> bool {
        let mut broken = Vec::new();
        crate::compile::on_demand::compile_reached(
            &mut self.compiler,
            &self.origin.known,
            Vec::new(),
            &mut broken,
        );
        for b in broken {
            self.error(&format!("{b}\n"));
        }
        true
    }

    /// Runs entry `id` in the session's process; the error message on failure.
    fn execute(&mut self, id: MethodId) -> Result<Value, String> {
        let prog = self.compiler.program();
        let mut it = Interp::new(prog, Box::new(self.out.clone()), Box::new(self.err.clone()));
        // carry the process over (the program may have grown new variables)
        let mut process = std::mem::take(&mut self.process);
        for (i, v) in prog
            .process_vars
            .iter()
            .enumerate()
            .skip(process.vars.len())
        {
            process.vars.push(it.process.vars[i].clone());
            process.types.push(v.ty);
        }
        it.process = process;
        let n = self.inter.len();
        self.inter.extend(it.inter.drain(n..));
        self.inter_types.extend(it.inter_types.drain(n..));
        it.inter = std::mem::take(&mut self.inter);
        it.inter_types = std::mem::take(&mut self.inter_types);
        if let Some(oo) = self.oo.take() {
            it.oo = oo;
            it.oo.refresh_accessors(prog);
        }
        // one world across entries: the REPL is one process of one application
        if let Some(mut sched) = self.sched.take() {
            crate::runtime::scheduler::reopen_main(&mut sched);
            it.sched = sched;
        }
        if let Some(db) = self.db.take() {
            it.db = db;
        }
        self.interrupt.store(false, Ordering::SeqCst);
        it.interrupt = Some(self.interrupt.clone());
        let r = it.run_entry(id, &mut self.locals, &mut self.ltypes);
        if r.is_ok() {
            // processes the entry started run to their end (runtime::scheduler)
            let _ = crate::runtime::scheduler::finish(&mut it);
        }
        self.interrupt.store(false, Ordering::SeqCst);
        it.flush();
        self.process = std::mem::take(&mut it.process);
        self.sched = Some(std::mem::take(&mut it.sched));
        self.db = Some(std::mem::take(&mut it.db));
        self.oo = Some(std::mem::replace(&mut it.oo, OoState::new(prog)));
        self.inter = std::mem::take(&mut it.inter);
        self.inter_types = std::mem::take(&mut it.inter_types);
        self.local_names = prog.methods[id as usize].slot_names.clone();
        let r = r.map_err(|e| crate::run::render_error(prog, &e));
        drop(it); // (Interp has a Drop: end its borrow of the program here)
                  // methods and variables compiled at run time (EXECUTE FORMULA) become the
                  // compiler's, so later entries get fresh ids
        self.compiler.absorb_dynamic();
        r
    }

    /// The flag that stops the running entry when set (Ctrl-C).
    pub fn interrupt_flag(&self) -> Arc<AtomicBool> {
        self.interrupt.clone()
    }

    /// The names completion offers.
    pub fn scope_names(&self) -> ScopeNames {
        let prog = self.compiler.program();
        let mut methods: Vec<String> = prog
            .methods
            .iter()
            .filter(|m| !m.name.starts_with('<'))
            .map(|m| m.name.clone())
            .collect();
        methods.retain(|m| self.compiler.method_id(m).is_some());
        let classes = self
            .origin
            .classes_dir
            .as_deref()
            .map(project::method_names_in)
            .unwrap_or_default();
        ScopeNames {
            locals: self.named_locals().map(|(_, n)| n.to_string()).collect(),
            vars: prog
                .process_vars
                .iter()
                .chain(&prog.inter_vars)
                .map(|v| v.name.to_string())
                .collect(),
            methods,
            classes,
        }
    }

    /// Slot index and name of each named local (not `$1`, `$0`).
    fn named_locals(&self) -> impl Iterator<Item = (usize, &Rc<str>)> {
        self.local_names.iter().enumerate().filter(|(_, n)| {
            n.strip_prefix('$')
                .is_some_and(|k| !k.is_empty() && !k.starts_with(|c: char| c.is_ascii_digit()))
        })
    }

    /// `:vars`: every local, process and interprocess variable that holds a value
    /// or has a declared type (the system variable `OK` only once set).
    pub fn vars(&self) -> Vec<VarLine> {
        let prog = self.compiler.program();
        let mut lines = Vec::new();
        let mut push = |name: &str, ty: VarType, v: &Value| {
            if matches!(v, Value::Undefined) && matches!(ty, VarType::Undeclared) {
                return;
            }
            let ty = match (ty, v) {
                (_, Value::Array(a)) => format!("Array {}", a.borrow().elem.name()),
                (VarType::Undeclared, v) => v.type_name().to_string(),
                (t, _) => t.name().to_string(),
            };
            lines.push(VarLine {
                name: name.to_string(),
                ty,
                value: self.show(v),
            });
        };
        for (i, name) in self.named_locals() {
            if let (Some(v), Some(t)) = (self.locals.get(i), self.ltypes.get(i)) {
                push(name, *t, v);
            }
        }
        for (i, info) in prog.process_vars.iter().enumerate() {
            // system variables (OK, Error...) only once they hold something
            let system = ["OK", "Error", "Error method", "Error line", "Error formula"];
            if system.contains(&&*info.name)
                && matches!(self.process.vars.get(i), Some(Value::Int(0)) | None)
                || matches!(self.process.vars.get(i), Some(Value::Text(t)) if t.is_empty())
                    && system.contains(&&*info.name)
            {
                continue;
            }
            if let (Some(v), Some(t)) = (self.process.vars.get(i), self.process.types.get(i)) {
                push(&info.name, *t, v);
            }
        }
        for (i, info) in prog.inter_vars.iter().enumerate() {
            if let (Some(v), Some(t)) = (self.inter.get(i), self.inter_types.get(i)) {
                push(&info.name, *t, v);
            }
        }
        lines
    }

    /// A value as the REPL prints it: texts quoted, objects and collections as JSON,
    /// everything else in its `String` form.
    pub fn show(&self, v: &Value) -> String {
        match v {
            Value::Undefined => "undefined".into(),
            Value::Text(t) => quote(t),
            Value::Pointer(p) => match &**p {
                Ptr::Nil => "Nil pointer".into(),
                Ptr::Local { name, .. } => format!("->{name}"),
                Ptr::Process(id) => {
                    let prog = self.compiler.program();
                    match prog.process_vars.get(*id as usize) {
                        Some(info) => format!("->{}", info.name),
                        None => "->?".into(),
                    }
                }
                Ptr::Inter(id) => {
                    let prog = self.compiler.program();
                    match prog.inter_vars.get(*id as usize) {
                        Some(info) => format!("->{}", info.name),
                        None => "->?".into(),
                    }
                }
                Ptr::Element(e) => format!("->element {}", e.index),
                Ptr::Table(t) => format!("->[table {t}]"),
                Ptr::Field(t, f) => format!("->[table {t}] field {f}"),
            },
            Value::Blob(b) => format!("<Blob: {} bytes>", b.len()),
            Value::Picture(b) => format!("<Picture: {} bytes>", b.len()),
            Value::Array(a) => {
                let a = a.borrow();
                let items: Vec<String> = a.elems.iter().skip(1).map(|e| self.show(e)).collect();
                format!("[{}]", items.join("; "))
            }
            other => crate::runtime::format::to_text(other),
        }
    }
}

/// A text as a 4D literal: `"a\"b"`.
pub fn quote(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// How many blocks (`If`, `For`...) `src` leaves open: more input is needed when
/// this is not zero. Decided by the parser (its "`If` without `End if`" errors);
/// an entry with any other syntax error is complete (it is reported at once).
pub fn open_blocks(src: &str, known: &KnownNames) -> usize {
    if src.trim().is_empty() {
        return 0;
    }
    let errors = syntax::parse(src, known).errors;
    let unclosed = |e: &syntax::SyntaxError| {
        e.message.starts_with('`')
            && e.message.contains("` without `")
            && !e.message.contains("without a matching")
    };
    if errors.iter().all(unclosed) {
        errors.len()
    } else {
        0
    }
}

/// The method name of an entry in error messages: `<repl>`, or a loaded file's name.
fn entry_name(path: &str) -> String {
    if path == "<repl>" {
        return path.to_string();
    }
    Path::new(path)
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| path.to_string())
}
