//! The compiled-mode typing pass: what the 4D compiler does for process and
//! interprocess variables and arrays, over the whole project, before anything runs.
//!
//! 1. Declarations anywhere in the project count, called or not (a `Compiler_...`
//!    method nothing calls is the usual place): `C_XXX(name)`, `ARRAY XXX(name; n)`,
//!    `var name : Type` for names without `$`.
//! 2. A variable never declared is typed by inference from its assignments
//!    (`hits:=hits+1` is a Real, `msg:="x"` a Text, `flag:=True` a Boolean...);
//!    assignments of a type the pass cannot tell (`msg:=$local`) are left out. When
//!    the others disagree, or there are none, it stays untyped (the 4D compiler
//!    would reject the first case; a fourd run keeps going).
//!
//! Every process then starts with each typed variable at its type's empty value
//! (`""`, `0`, `False`, `!00-00-00!`, an empty array...), as in compiled 4D where
//! `Undefined(var)` is always False. The first declaration met wins, in file order.
//! See README "Compiled-mode typing" for where fourd still differs from compiled 4D.

use super::ir::ArrayKind;
use super::resolve::{directive_type, var_type};
use super::Compiler;
use crate::runtime::registry::names;
use crate::runtime::value::VarType;
use crate::syntax::ast::{self, AssignOp, BinOp, Expr, ExprKind, Stmt, StmtKind, Suffix};
use std::collections::HashMap;

/// What the pass learnt about one variable.
#[derive(Debug, Default, Clone)]
struct Facts {
    declared: Option<VarType>,
    array: Option<ArrayKind>,
    /// The types its assignments give (None: an assignment of unknown type).
    inferred: Vec<Option<VarType>>,
}

/// The pass over a set of parsed files; [`Typing::apply`] gives the compiler the
/// results.
#[derive(Debug, Default)]
pub struct Typing {
    /// `(interprocess, lower-case name)` → facts, with the name as first written.
    vars: HashMap<(bool, String), (String, Facts)>,
}

/// The lines of a method's text that can type a process or interprocess variable
/// (declarations and assignments whose target is not a `$local`), joined by line
/// breaks: the pass parses only these, so it stays cheap on projects of thousands
/// of methods (statements are lines in 4D; `\` continuations are kept together).
pub fn typing_lines(text: &str) -> String {
    let mut out = String::new();
    let mut lines = text.lines();
    while let Some(line) = lines.next() {
        let mut stmt = line.to_string();
        while stmt.trim_end().ends_with('\\') && !stmt.trim_start().starts_with("//") {
            match lines.next() {
                Some(next) => {
                    stmt.push('\n');
                    stmt.push_str(next);
                }
                None => break,
            }
        }
        let t = stmt.trim_start();
        let keep = t.starts_with("C_")
            || t.starts_with("ARRAY ")
            || (t.starts_with("var ") && !t[4..].trim_start().starts_with('$'))
            || (!t.starts_with('$')
                && !t.starts_with("//")
                && !t.starts_with('[')
                && t.contains(":=")
                && !t.starts_with("For")
                && !t.starts_with("If")
                && !t.starts_with("Case")
                && !t.starts_with("While")
                && !t.starts_with("Until")
                && !t.starts_with("Repeat")
                && !t.starts_with(':'));
        if keep {
            out.push_str(&stmt);
            out.push('\n');
        }
    }
    out
}

/// The array kind an `ARRAY XXX` command name declares.
fn array_kind(name: &str) -> Option<(VarType, bool)> {
    Some(match name.to_ascii_uppercase().as_str() {
        "ARRAY TEXT" | "ARRAY STRING" => (VarType::Text, false),
        "ARRAY LONGINT" => (VarType::Integer, false),
        "ARRAY INTEGER" => (VarType::Integer, true),
        "ARRAY REAL" => (VarType::Real, false),
        "ARRAY BOOLEAN" => (VarType::Boolean, false),
        "ARRAY DATE" => (VarType::Date, false),
        "ARRAY TIME" => (VarType::Time, false),
        "ARRAY OBJECT" => (VarType::Object, false),
        "ARRAY POINTER" => (VarType::Pointer, false),
        "ARRAY PICTURE" => (VarType::Picture, false),
        "ARRAY BLOB" => (VarType::Blob, false),
        _ => return None,
    })
}

/// The command name a callee designates (by `:Cn` number first).
fn callee_name(n: &ast::Name) -> &str {
    if let Suffix::Command(num) = n.suffix {
        if let Some(name) = crate::syntax::data::command_by_number(num).map(|c| c.name) {
            return name;
        }
    }
    &n.text
}

impl Typing {
    pub fn new() -> Typing {
        Typing::default()
    }

    /// A variable named by `e`: `(interprocess, name)` when it is a process or
    /// interprocess variable (not a command, constant or method of `c`).
    fn var_of(c: &Compiler, e: &Expr) -> Option<(bool, String)> {
        match &e.kind {
            ExprKind::Interprocess(n) => Some((true, n.clone())),
            ExprKind::Name(n) => {
                if n.suffix != Suffix::None
                    || (names().by_name)(&n.text).is_some()
                    || crate::syntax::data::command_spelling(&n.text.to_lowercase()).is_some()
                    || (names().constant)(&n.text).is_some()
                    || c.known.constants.contains_key(&n.text.to_lowercase())
                    || c.method_id(&n.text).is_some()
                {
                    return None;
                }
                Some((false, n.text.clone()))
            }
            ExprKind::Paren(e) => Self::var_of(c, e),
            _ => None,
        }
    }

    fn facts(&mut self, key: (bool, String)) -> &mut Facts {
        let k = (key.0, key.1.to_lowercase());
        &mut self
            .vars
            .entry(k)
            .or_insert_with(|| (key.1, Facts::default()))
            .1
    }

    /// Learns from one parsed file (a method, a database or form method, a class).
    pub fn learn(&mut self, c: &Compiler, body: &[Stmt]) {
        for s in body {
            self.stmt(c, s);
        }
    }

    fn stmt(&mut self, c: &Compiler, s: &Stmt) {
        match &s.kind {
            StmtKind::Expr(e) => {
                if let ExprKind::Call { callee, args } = &e.kind {
                    let name = callee_name(callee);
                    if let Some(ty) = directive_type(name) {
                        let args = if name.eq_ignore_ascii_case("C_STRING") && args.len() > 1 {
                            &args[1..]
                        } else {
                            &args[..]
                        };
                        for a in args {
                            if let Some(v) = Self::var_of(c, a) {
                                let f = self.facts(v);
                                f.declared.get_or_insert(ty);
                            }
                        }
                    } else if let Some((elem, int16)) = array_kind(name) {
                        let args = if name.eq_ignore_ascii_case("ARRAY STRING") && !args.is_empty()
                        {
                            &args[1..]
                        } else {
                            &args[..]
                        };
                        if let Some(v) = args.first().and_then(|a| Self::var_of(c, a)) {
                            let f = self.facts(v);
                            f.array.get_or_insert(ArrayKind {
                                elem,
                                int16,
                                two_d: args.len() > 2,
                            });
                        }
                    }
                }
            }
            StmtKind::Var { names, ty, init } => {
                let t = match (ty, init) {
                    (Some(t), _) => Some(var_type(t)),
                    (None, Some(e)) => infer(e),
                    (None, None) => Some(VarType::Variant),
                };
                for n in names {
                    if let (Some(v), Some(t)) = (Self::var_of(c, &n.var), t) {
                        self.facts(v).declared.get_or_insert(t);
                    }
                }
            }
            StmtKind::Assign { target, op, value } => {
                if let Some(v) = Self::var_of(c, target) {
                    let t = match op {
                        AssignOp::Set => infer(value),
                        AssignOp::Add => match infer(value) {
                            Some(VarType::Text) => Some(VarType::Text),
                            Some(VarType::Integer | VarType::Real) => Some(VarType::Real),
                            _ => None,
                        },
                        _ => Some(VarType::Real),
                    };
                    self.facts(v).inferred.push(t);
                }
            }
            StmtKind::If {
                then_block,
                else_block,
                ..
            } => {
                self.learn(c, then_block);
                if let Some(b) = else_block {
                    self.learn(c, b);
                }
            }
            StmtKind::Case {
                branches,
                else_block,
            } => {
                for b in branches {
                    self.learn(c, &b.body);
                }
                if let Some(b) = else_block {
                    self.learn(c, b);
                }
            }
            StmtKind::While { body, .. }
            | StmtKind::Repeat { body, .. }
            | StmtKind::For { body, .. }
            | StmtKind::ForEach { body, .. }
            | StmtKind::Use { body, .. } => self.learn(c, body),
            StmtKind::Try { body, catch_block } => {
                self.learn(c, body);
                if let Some(b) = catch_block {
                    self.learn(c, b);
                }
            }
            StmtKind::Function(def) => self.learn(c, &def.body),
            _ => {}
        }
    }

    /// Gives every variable its type (declared, else inferred when certain).
    pub fn apply(self, c: &mut Compiler) {
        let mut vars: Vec<_> = self.vars.into_iter().collect();
        vars.sort_by(|a, b| a.0.cmp(&b.0));
        for ((inter, _), (name, f)) in vars {
            let ty = match (f.array, f.declared) {
                (Some(_), _) => None,
                (None, Some(t)) => Some(t),
                (None, None) => agreed(&f.inferred),
            };
            if f.array.is_none() && ty.is_none() {
                continue;
            }
            let id = if inter {
                c.inter_var_id(&name)
            } else {
                c.process_var_id(&name)
            };
            let info = c.var_info_mut(inter, id);
            if info.ty != VarType::Undeclared || info.array.is_some() {
                continue; // a system variable (OK, Error...) keeps its type
            }
            match f.array {
                Some(k) => info.array = Some(k),
                None => info.ty = ty.unwrap_or(VarType::Undeclared),
            }
        }
    }
}

/// The one type the assignments of known type agree on (Integer and Real agree
/// on Real). An assignment whose type the pass cannot tell (`v:=$local`,
/// `v:=arr{$i}`, `v:=method`) does not contradict them: the 4D compiler types it
/// from the same variable, and would reject the project if it disagreed.
fn agreed(ts: &[Option<VarType>]) -> Option<VarType> {
    let mut out: Option<VarType> = None;
    for t in ts.iter().flatten() {
        let t = *t;
        let t = if t == VarType::Integer {
            VarType::Real
        } else {
            t
        };
        match out {
            None => out = Some(t),
            Some(o) if o == t => {}
            Some(_) => return None,
        }
    }
    out
}

/// The type of an expression when it is certain from its form alone.
fn infer(e: &Expr) -> Option<VarType> {
    Some(match &e.kind {
        ExprKind::Real(_) | ExprKind::HexInt(_) => VarType::Real,
        ExprKind::Text(_) => VarType::Text,
        ExprKind::Date { .. } => VarType::Date,
        ExprKind::Time(_) => VarType::Time,
        ExprKind::Object(_) => VarType::Object,
        ExprKind::Collection(_) => VarType::Collection,
        ExprKind::Paren(e) => return infer(e),
        ExprKind::Unary(_, e) => return infer(e),
        ExprKind::Binary(op, l, r) => match op {
            BinOp::Eq | BinOp::Ne | BinOp::Lt | BinOp::Gt | BinOp::Le | BinOp::Ge => {
                VarType::Boolean
            }
            BinOp::And | BinOp::Or => match (infer(l), infer(r)) {
                (Some(VarType::Boolean), _) | (_, Some(VarType::Boolean)) => VarType::Boolean,
                _ => return None,
            },
            BinOp::Add => match (infer(l), infer(r)) {
                (Some(VarType::Text), _) | (_, Some(VarType::Text)) => VarType::Text,
                (Some(VarType::Real), Some(VarType::Real)) => VarType::Real,
                (Some(VarType::Real), None) | (None, Some(VarType::Real)) => VarType::Real,
                _ => return None,
            },
            BinOp::Sub | BinOp::Mul | BinOp::Div | BinOp::Pow => match (infer(l), infer(r)) {
                (Some(VarType::Real), Some(VarType::Real))
                | (Some(VarType::Real), None)
                | (None, Some(VarType::Real)) => VarType::Real,
                _ => return None,
            },
            _ => return None,
        },
        ExprKind::Name(n) | ExprKind::Call { callee: n, .. } => {
            match callee_name(n).to_ascii_lowercase().as_str() {
                "true" | "false" => VarType::Boolean,
                "new object" => VarType::Object,
                "new collection" | "new shared collection" => VarType::Collection,
                "new shared object" => VarType::Object,
                "current date" => VarType::Date,
                "current time" => VarType::Time,
                "string"
                | "substring"
                | "uppercase"
                | "lowercase"
                | "char"
                | "replace string"
                | "json stringify"
                | "generate uuid"
                | "current method name" => VarType::Text,
                _ => return None,
            }
        }
        _ => return None,
    })
}
