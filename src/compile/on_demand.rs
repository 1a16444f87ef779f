//! Compiling project methods on demand, each on its own: a method whose file has
//! syntax errors (or cannot be read) never stops the others. It is reported once,
//! as [`Broken`] (`path:line:col: message`, the `fourd check` format), and compiled
//! to a body that raises error 50 "Syntax error" when it is called, so `ON ERR CALL`
//! and `Try` catch it like any runtime error. Interpreted 4D behaves the same way:
//! a bad method fails only when it is reached.
//!
//! Used by every host: `fourd run`, `fourd serve` / the web worker (through
//! `project::load` / `project::load_web`), the REPL and code compiled at run time.

use super::ir::{ClassId, MethodId, Stmt, StmtKind};
use super::Compiler;
use crate::runtime::error::codes;
use crate::syntax::{self, diagnostics::LineIndex, KnownNames};
use std::path::{Path, PathBuf};
use std::rc::Rc;

/// A method file that could not be compiled: where its first problem is.
#[derive(Debug, Clone, PartialEq)]
pub struct Broken {
    pub path: PathBuf,
    pub line: usize,
    pub col: usize,
    pub message: String,
}

impl std::fmt::Display for Broken {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{}:{}:{}: {}",
            self.path.display(),
            self.line,
            self.col,
            self.message
        )
    }
}

/// Reads and parses `path`; the source, the parsed file and its syntax errors.
fn parse_file(
    path: &Path,
    known: &KnownNames,
) -> Result<(Rc<str>, syntax::ast::SourceFile, Vec<Broken>, usize), Broken> {
    let bytes = std::fs::read(path).map_err(|e| Broken {
        path: path.to_path_buf(),
        line: 1,
        col: 1,
        message: format!("cannot read the file: {e}"),
    })?;
    let text = String::from_utf8_lossy(&bytes).into_owned();
    let parsed = syntax::parse(&text, known);
    let first = parsed.errors.first().map(|e| e.span.start).unwrap_or(0);
    let index = LineIndex::new(&text);
    let errors = parsed
        .errors
        .iter()
        .map(|e| {
            let (line, col) = index.line_col(e.span.start);
            Broken {
                path: path.to_path_buf(),
                line,
                col,
                message: e.message.clone(),
            }
        })
        .collect();
    Ok((Rc::from(text), parsed.file, errors, first))
}

/// The body of a broken method: one statement raising error 50 at `offset`.
fn broken_body(name: &str, first: &Broken, offset: usize) -> Vec<Stmt> {
    vec![Stmt {
        kind: StmtKind::Fail(
            codes::SYNTAX_ERROR,
            Rc::from(format!(
                "Syntax error in method {}: line {}: {}",
                name, first.line, first.message
            )),
        ),
        pos: offset as u32,
    }]
}

/// Compiles method `id` from its file; returns its syntax errors (empty when it
/// compiled). A broken method raises error 50 when called.
pub fn compile_method_file(c: &mut Compiler, id: MethodId, known: &KnownNames) -> Vec<Broken> {
    let path = c.method(id).path.clone();
    match parse_file(&path, known) {
        Ok((source, file, errors, first)) => {
            if errors.is_empty() {
                c.compile(id, &file, source);
            } else {
                let name = c.method(id).name.clone();
                let m = &mut c.prog.methods[id as usize];
                m.body = broken_body(&name, &errors[0], first);
                m.source = source;
                m.compiled = true;
            }
            errors
        }
        Err(b) => {
            let name = c.method(id).name.clone();
            let m = &mut c.prog.methods[id as usize];
            m.body = broken_body(&name, &b, 0);
            m.compiled = true;
            vec![b]
        }
    }
}

/// Compiles class `cid` from its file. A class with syntax errors keeps its
/// declarations (so `cs.Name` exists) but each of its functions and its
/// constructor raise error 50 when called.
pub fn compile_class_file(
    c: &mut Compiler,
    cid: ClassId,
    path: &Path,
    known: &KnownNames,
) -> Vec<Broken> {
    let (source, file, errors, first) = match parse_file(path, known) {
        Ok(p) => p,
        Err(b) => (
            Rc::from(""),
            syntax::ast::SourceFile {
                attributes: None,
                body: Vec::new(),
            },
            vec![b],
            0,
        ),
    };
    let before = c.prog.methods.len();
    c.compile_class(cid, &file, path.to_path_buf(), source);
    if let Some(e) = errors.first() {
        let cname = c.prog.classes[cid as usize].name.clone();
        for m in &mut c.prog.methods[before..] {
            if m.class == Some(cid) {
                m.body = broken_body(&format!("cs.{cname}"), e, first);
            }
        }
    }
    errors
}

/// Compiles the methods of `work` and every method they reach (following
/// [`Compiler::take_pending`]); the problems of broken files go to `broken`.
pub fn compile_reached(
    c: &mut Compiler,
    known: &KnownNames,
    mut work: Vec<MethodId>,
    broken: &mut Vec<Broken>,
) {
    work.extend(c.take_pending());
    while let Some(id) = work.pop() {
        if c.is_compiled(id) {
            continue;
        }
        broken.extend(compile_method_file(c, id, known));
        work.extend(c.take_pending());
    }
}
