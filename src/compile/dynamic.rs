//! Code compiled while the program runs: `EXECUTE FORMULA($text)` and
//! `Formula from string($text)` with a text computed at run time.
//!
//! The text is resolved against the frozen program (its method, variable and
//! class names, kept by [`Compiler::finish`] in [`Program::dynamic`]) by a
//! throw-away [`Compiler`] whose method table mirrors the program's; what it adds is
//! moved into the program's append-only [`ir::Dynamic`] table: new methods (ids at
//! or above `prog.methods.len()`), project methods no compiled code had reached
//! (compiled from their files now), and process or interprocess variables the
//! program never mentioned (the interpreter grows its storage,
//! `runtime::dynamic`). Each distinct text is compiled once per creating method and
//! kept for the run (a loop executing the same text compiles it once; a loop
//! executing N different texts keeps N small methods).
//!
//! Local variables: the text sees the local variables of the method that runs it
//! (4D's interpreted mode; compiled 4D code cannot reach locals from a formula
//! text). `EXECUTE FORMULA` runs the text in that method's frame (assignments to
//! its `$locals`, `$1..$n` are its parameters); `Formula from string` captures the
//! locals it names by value when created, like `Formula(...)`, and `$1..$n` are the
//! formula's own parameters. A `$name` the method has not got is a new local of the
//! text.
//!
//! Process and interprocess variables only a text names are created (ids after the
//! program's) for the rest of the run; a process gets them when it compiles or runs
//! such a text (`Interp::grow_vars`), so a formula naming a new variable must be
//! created in the process that calls it.

use super::ir::{self, Method, MethodId, Program};
use super::Compiler;
use std::rc::Rc;

/// What the text is compiled as.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// `EXECUTE FORMULA`: statements run in the caller's frame.
    Execute = 0,
    /// `Formula from string`: a formula (one expression or assignment).
    Formula = 1,
}

/// The longest text compiled at run time (a runaway concatenation must not stall
/// the run in the parser).
pub const MAX_TEXT: usize = 1 << 20;

/// Compiles `text` for method `caller` (the method running `EXECUTE FORMULA` or
/// creating the formula); returns the compiled method, or the message of a code 45
/// error. Cached by text. `EXECUTE FORMULA`'s statements all get offset `pos` (its
/// own, in the caller's source: errors and `Error line` point at it).
pub fn compile(
    prog: &Program,
    kind: Kind,
    caller: MethodId,
    pos: u32,
    text: &str,
) -> Result<MethodId, Rc<str>> {
    let what = match kind {
        Kind::Execute => "EXECUTE FORMULA",
        Kind::Formula => "Formula from string",
    };
    let Some(cm) = prog.method(caller) else {
        return Err(Rc::from(format!("{}: no calling method", what)));
    };
    let nslots = cm.slot_names.len() as u32;
    let pos = if kind == Kind::Execute { pos } else { 0 };
    let key = (kind as u8, caller, nslots, pos, Rc::from(text));
    if let Some(r) = prog.dynamic.cache.borrow().get(&key) {
        return r.clone();
    }
    let r = compile_uncached(prog, kind, caller, pos, cm, text).map_err(|m| {
        let mut short: String = text.chars().take(60).collect();
        if short.len() < text.len() {
            short.push_str("...");
        }
        Rc::from(format!("{}: {} (in \"{}\")", what, m, short))
    });
    prog.dynamic.cache.borrow_mut().insert(key, r.clone());
    r
}

fn compile_uncached(
    prog: &Program,
    kind: Kind,
    caller: MethodId,
    pos: u32,
    cm: &Method,
    text: &str,
) -> Result<MethodId, String> {
    if text.len() > MAX_TEXT {
        return Err(format!(
            "the text is too long ({} bytes, at most {})",
            text.len(),
            MAX_TEXT
        ));
    }
    let mut c = compiler_for(prog);
    let known = c.known.clone();
    let source: Rc<str> = Rc::from(text);
    let id = match kind {
        Kind::Execute => {
            let parsed = crate::syntax::parse(text, &known);
            if let Some(e) = parsed.errors.first() {
                return Err(e.message.clone());
            }
            let id = c.add_hidden_method(&cm.name, cm.path.clone());
            c.prog.methods[id as usize].class = cm.class;
            super::resolve::compile_in_frame(&mut c, id, &parsed.file.body, source, cm);
            set_pos(&mut c.prog.methods[id as usize].body, pos);
            id
        }
        Kind::Formula => {
            let e = super::resolve::parse_formula(text, &known)
                .map_err(|m| m.trim_start_matches("Formula from string: ").to_string())?;
            super::resolve::compile_formula(&mut c, caller, &e, source, &cm.slot_names)
        }
    };
    compile_reached(&mut c, &known);
    publish(prog, c);
    Ok(id)
}

/// Gives every statement of `block` (nested ones included) offset `pos`.
fn set_pos(block: &mut [ir::Stmt], pos: u32) {
    use ir::StmtKind as K;
    for s in block {
        s.pos = pos;
        match &mut s.kind {
            K::If(_, a, b) | K::Try(a, b) => {
                set_pos(a, pos);
                set_pos(b, pos);
            }
            K::Case(arms, other) => {
                for (_, b) in arms {
                    set_pos(b, pos);
                }
                set_pos(other, pos);
            }
            K::While(_, b) | K::Repeat(b, _) => set_pos(b, pos),
            K::For(f) => set_pos(&mut f.body, pos),
            K::ForEach(f) => set_pos(&mut f.body, pos),
            _ => {}
        }
    }
}

/// A compiler resolving against `prog` as it stands (names, variables, methods).
fn compiler_for(prog: &Program) -> Compiler {
    let names = prog.dynamic.names.borrow().clone();
    let shadow = |m: &Method, compiled: bool| Method {
        name: m.name.clone(),
        path: m.path.clone(),
        class: m.class,
        compiled,
        ..Default::default()
    };
    let mut methods: Vec<Method> = prog
        .methods
        .iter()
        .enumerate()
        .map(|(i, m)| shadow(m, m.compiled || prog.dynamic.is_late(i as MethodId)))
        .collect();
    for i in 0..prog.dynamic.len() {
        if let Some(m) = prog.dynamic.get(i) {
            methods.push(shadow(m, true));
        }
    }
    let mut process_vars = prog.process_vars.clone();
    process_vars.extend(names.process_vars.iter().cloned());
    let mut inter_vars = prog.inter_vars.clone();
    inter_vars.extend(names.inter_vars.iter().cloned());
    Compiler {
        prog: Program {
            methods,
            process_vars,
            inter_vars,
            ..Default::default()
        },
        method_ids: names.method_ids,
        process_ids: names.process_ids,
        inter_ids: names.inter_ids,
        pending: Vec::new(),
        structure: names.structure,
        class_ids: names.class_ids,
        known: names.known,
    }
}

/// Compiles the project methods the new code reaches that were never compiled.
/// A method whose file cannot be read stays uncompiled (calling it raises
/// "Method not compiled").
fn compile_reached(c: &mut Compiler, known: &crate::syntax::KnownNames) {
    let mut work = c.take_pending();
    while let Some(id) = work.pop() {
        if c.is_compiled(id) {
            continue;
        }
        let path = c.method(id).path.clone();
        let Ok(text) = std::fs::read_to_string(&path) else {
            continue;
        };
        let parsed = crate::syntax::parse(&text, known);
        c.compile(id, &parsed.file, Rc::from(text));
        work.extend(c.take_pending());
    }
}

/// Moves what `c` added into `prog.dynamic`.
fn publish(prog: &Program, c: Compiler) {
    let Compiler {
        prog: mut cp,
        process_ids,
        inter_ids,
        ..
    } = c;
    let n = prog.methods.len();
    let first_new = n + prog.dynamic.len();
    for m in cp.methods.drain(first_new..) {
        prog.dynamic.push(m);
    }
    for (i, m) in cp.methods.into_iter().enumerate().take(n) {
        if m.compiled && !prog.methods[i].compiled && !prog.dynamic.is_late(i as MethodId) {
            prog.dynamic.push_late(i as MethodId, m);
        }
    }
    let mut names = prog.dynamic.names.borrow_mut();
    names.process_ids = process_ids;
    names.inter_ids = inter_ids;
    names.process_vars = cp.process_vars.split_off(prog.process_vars.len());
    names.inter_vars = cp.inter_vars.split_off(prog.inter_vars.len());
}

/// Every process variable: the program's then those added at run time.
pub fn process_var_count(prog: &Program) -> usize {
    prog.process_vars.len() + prog.dynamic.names.borrow().process_vars.len()
}

/// The type of process variable `id` (for ids past the program's).
pub fn var_info(prog: &Program, id: usize, inter: bool) -> Option<ir::VarInfo> {
    let names = prog.dynamic.names.borrow();
    if inter {
        let base = prog.inter_vars.len();
        names.inter_vars.get(id.checked_sub(base)?).cloned()
    } else {
        let base = prog.process_vars.len();
        names.process_vars.get(id.checked_sub(base)?).cloned()
    }
}

/// Publishes the compiler's names for code compiled at run time while the compiler
/// keeps going (the REPL): see [`absorb`].
pub(super) fn snapshot(c: &mut Compiler) {
    *c.prog.dynamic.names.get_mut() = ir::Names {
        method_ids: c.method_ids.clone(),
        process_ids: c.process_ids.clone(),
        inter_ids: c.inter_ids.clone(),
        class_ids: c.class_ids.clone(),
        structure: c.structure.clone(),
        known: c.known.clone(),
        process_vars: Vec::new(),
        inter_vars: Vec::new(),
    };
}

impl Compiler {
    /// Takes what code compiled at run time added to the program into the compiler
    /// itself (same ids), so that the compiler can go on adding methods and
    /// variables (the REPL, between entries).
    pub fn absorb_dynamic(&mut self) {
        let (methods, late, names) = self.prog.dynamic.take();
        self.prog.methods.extend(methods);
        for (id, m) in late {
            if let Some(slot) = self.prog.methods.get_mut(id as usize) {
                if !slot.compiled {
                    *slot = m;
                }
            }
        }
        self.prog.process_vars.extend(names.process_vars);
        self.prog.inter_vars.extend(names.inter_vars);
        for (k, id) in names.process_ids {
            self.process_ids.entry(k).or_insert(id);
        }
        for (k, id) in names.inter_ids {
            self.inter_ids.entry(k).or_insert(id);
        }
        snapshot(self);
    }
}

/// The method whose frame holds the local variables of a template being processed
/// (`web::tags`): no parameters, and the slots the tag processor works with
/// (`names`, each a `Variant`). Made once per program and set of names; the
/// template's tags are then compiled as `EXECUTE FORMULA` texts chained from it.
pub fn template_root(prog: &Program, name: &str, slots: &[&str]) -> MethodId {
    let key = (2u8, MethodId::MAX, slots.len() as u32, 0, Rc::from(name));
    if let Some(Ok(id)) = prog.dynamic.cache.borrow().get(&key) {
        return *id;
    }
    let id = (prog.methods.len() + prog.dynamic.len()) as MethodId;
    prog.dynamic.push(Method {
        name: name.to_string(),
        compiled: true,
        slot_types: vec![crate::runtime::value::VarType::Variant; slots.len()],
        slot_names: slots.iter().map(|s| Rc::from(*s)).collect(),
        ..Default::default()
    });
    prog.dynamic.cache.borrow_mut().insert(key, Ok(id));
    id
}
