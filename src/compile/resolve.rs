//! Resolution of one method body: AST → IR. Never fails: code that cannot be
//! resolved becomes a `Fail` node that raises a runtime error when reached, so the
//! rest of the method still runs.
//!
//! This file holds the resolution context ([`Cx`]) and the entry points; the
//! rest is in `names` (bare names, local and parameter slots, assignable
//! places), `stmts` (statements and declarations), `exprs` (expressions and
//! command calls), `db` (the database language) and `special` (`This`, `cs`,
//! `Formula`, `Try`, `EXECUTE FORMULA`).

use super::ir::{self, ClassId, MethodId};
use super::Compiler;
use crate::runtime::value::VarType;
use crate::syntax::ast::{self};
use std::collections::HashMap;
use std::rc::Rc;

mod db;
mod exprs;
mod names;
mod stmts;

pub(super) use stmts::{directive_type, var_type};

struct Cx<'c> {
    c: &'c mut Compiler,
    slots: HashMap<String, u32>,
    types: Vec<VarType>,
    names: Vec<Rc<str>>,
    params: Vec<Option<u32>>,
    result: Option<u32>,
    strict: bool,
    vararg_type: VarType,
    /// The class whose function or constructor is being compiled.
    class: Option<ClassId>,
    /// The source text of the method (for formula sources).
    src: Rc<str>,
    /// The method being compiled.
    owner: Option<MethodId>,
}

#[path = "special.rs"]
mod special;

pub(super) fn compile_method(
    c: &mut Compiler,
    id: MethodId,
    file: &ast::SourceFile,
    source: Rc<str>,
) {
    compile_body(c, id, None, &file.body, source);
}

/// Like [`compile_method`], with local slots already in place: slot `i` is named
/// `locals[i]` (`$name`), so `$name` in `file` designates it (the REPL keeps its
/// locals from one entry to the next this way).
pub(super) fn compile_with_locals(
    c: &mut Compiler,
    id: MethodId,
    file: &ast::SourceFile,
    source: Rc<str>,
    locals: &[Rc<str>],
) {
    let class = c.prog.methods[id as usize].class;
    let mut cx = Cx::new(c, class, source.clone());
    cx.owner = Some(id);
    for name in locals {
        let s = cx.new_slot(name);
        let key = name.strip_prefix('$').unwrap_or(name);
        if !key.is_empty() && !key.starts_with(|ch: char| ch.is_ascii_digit()) {
            cx.slots.insert(key.to_lowercase(), s);
        }
    }
    let body = cx.block(&file.body);
    cx.finish(id, body, source);
}

/// Resolves the text of `EXECUTE FORMULA` compiled at run time as the code of
/// method `id`, run in the frame of the calling method: its local slots (`locals`,
/// named like [`compile_with_locals`]), parameters and result are the caller's.
pub(super) fn compile_in_frame(
    c: &mut Compiler,
    id: MethodId,
    body: &[ast::Stmt],
    source: Rc<str>,
    caller: &ir::Method,
) {
    let class = c.prog.methods[id as usize].class;
    let mut cx = Cx::new(c, class, source.clone());
    cx.owner = Some(id);
    cx.local_names(&caller.slot_names);
    cx.params = caller.param_slots.iter().map(|&s| Some(s)).collect();
    cx.result = caller.result;
    cx.vararg_type = caller.vararg_type;
    let body = cx.block(body);
    cx.finish(id, body, source);
}

/// Compiles `Formula from string` at run time, created by method `owner` whose
/// local slots are named `locals`: returns the formula's method.
pub(super) fn compile_formula(
    c: &mut Compiler,
    owner: MethodId,
    e: &ast::Expr,
    source: Rc<str>,
    locals: &[Rc<str>],
) -> MethodId {
    let class = c.prog.methods[owner as usize].class;
    let mut cx = Cx::new(c, class, source.clone());
    cx.owner = Some(owner);
    cx.local_names(locals);
    let n = locals.len() as u32;
    let ir::Expr::Formula(id) = cx.formula(e, &source) else {
        unreachable!("formula() compiles a formula")
    };
    // only the locals the creating method has can be captured
    let m = &mut c.prog.methods[id as usize];
    if let Some(def) = &m.formula {
        let mut captures = def.captures.clone();
        captures.retain(|&(_, outer)| outer < n);
        m.formula = Some(Rc::new(ir::FormulaDef {
            source: def.source.clone(),
            captures,
        }));
    }
    id
}

/// Resolves `body` (with the parameters of `sig`, for class functions) as the code
/// of method `id`.
pub(super) fn compile_body(
    c: &mut Compiler,
    id: MethodId,
    sig: Option<&ast::Signature>,
    body: &[ast::Stmt],
    source: Rc<str>,
) {
    let class = c.prog.methods[id as usize].class;
    let mut cx = Cx::new(c, class, source.clone());
    cx.owner = Some(id);
    if let Some(sig) = sig {
        cx.declare(sig);
    }
    let body = cx.block(body);
    cx.finish(id, body, source);
}

impl<'c> Cx<'c> {
    fn new(c: &'c mut Compiler, class: Option<ClassId>, src: Rc<str>) -> Cx<'c> {
        Cx {
            c,
            slots: HashMap::new(),
            types: Vec::new(),
            names: Vec::new(),
            params: Vec::new(),
            result: None,
            strict: false,
            vararg_type: VarType::Undeclared,
            class,
            src,
            owner: None,
        }
    }

    fn finish(self, id: MethodId, body: ir::Block, source: Rc<str>) {
        let mut cx = self;
        let mut param_slots = Vec::with_capacity(cx.params.len());
        for k in 0..cx.params.len() {
            let s = match cx.params[k] {
                Some(s) => s,
                None => cx.new_slot(&format!("${}", k + 1)),
            };
            param_slots.push(s);
        }
        let Cx {
            c,
            types,
            names,
            result,
            strict,
            vararg_type,
            ..
        } = cx;
        let m = &mut c.prog.methods[id as usize];
        m.source = source;
        m.body = super::segments::group(body, &types);
        m.slot_types = types;
        m.slot_names = names;
        m.param_slots = param_slots;
        m.vararg_type = vararg_type;
        m.strict_params = strict;
        m.result = result;
        m.compiled = true;
    }
}

fn fail(code: i32, msg: impl Into<String>) -> ir::Expr {
    ir::Expr::Fail(code, Rc::from(msg.into()))
}

/// Parses the text of `Formula from string`: one expression or one assignment.
pub(super) fn parse_formula(
    t: &str,
    known: &crate::syntax::KnownNames,
) -> Result<ast::Expr, String> {
    special::parse_one_with(t, known)
}
