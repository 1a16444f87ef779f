//! Names of the resolver: what a bare name designates (command, constant,
//! project method, variable), the frame slots of locals, parameters and the
//! result, and the places an assignment can write to.

use super::Cx;
use crate::compile::ir::{MethodId, Place};
use crate::runtime::keys::program_key;
use crate::runtime::registry::{names, CommandDef};
use crate::runtime::value::{text, Value, VarType};
use crate::syntax::ast::{self, ExprKind, Suffix};
use std::rc::Rc;

/// What a bare name designates.
pub(super) enum NameRef {
    Cmd(&'static CommandDef),
    Const(Value),
    Method(MethodId),
    NotImplemented(String),
    UnknownConstant(String),
    Var,
}

impl<'c> Cx<'c> {
    /// Creates slots `0..names.len()` named `names` (`$name` designates its slot).
    pub(super) fn local_names(&mut self, names: &[Rc<str>]) {
        for name in names {
            let s = self.new_slot(name);
            let key = name.strip_prefix('$').unwrap_or(name);
            if !key.is_empty() && !key.starts_with(|ch: char| ch.is_ascii_digit()) {
                self.slots.insert(key.to_lowercase(), s);
            }
        }
    }

    pub(super) fn new_slot(&mut self, name: &str) -> u32 {
        let s = self.types.len() as u32;
        self.types.push(VarType::Undeclared);
        self.names.push(Rc::from(name));
        s
    }

    pub(super) fn local(&mut self, name: &str) -> u32 {
        let key = name.to_lowercase();
        if let Some(&s) = self.slots.get(&key) {
            return s;
        }
        let s = self.new_slot(&format!("${}", name));
        self.slots.insert(key, s);
        s
    }

    pub(super) fn param(&mut self, k: u32) -> u32 {
        if k == 0 {
            return self.result_slot("$0");
        }
        let k = k as usize;
        if self.params.len() < k {
            self.params.resize(k, None);
        }
        match self.params[k - 1] {
            Some(s) => s,
            None => {
                let s = self.new_slot(&format!("${}", k));
                self.params[k - 1] = Some(s);
                s
            }
        }
    }

    pub(super) fn result_slot(&mut self, name: &str) -> u32 {
        match self.result {
            Some(s) => s,
            None => {
                let s = self.new_slot(name);
                self.result = Some(s);
                s
            }
        }
    }

    pub(super) fn type_slot(&mut self, s: u32, ty: VarType) {
        let t = &mut self.types[s as usize];
        if *t == VarType::Undeclared {
            *t = ty;
        }
    }

    pub(super) fn resolve_name(&mut self, n: &ast::Name) -> NameRef {
        match n.suffix {
            Suffix::Command(num) => {
                if let Some(def) = (names().by_number)(num) {
                    return NameRef::Cmd(def);
                }
                if let Some(def) = (names().by_name)(&n.text) {
                    return NameRef::Cmd(def);
                }
                let name = crate::syntax::data::command_by_number(num)
                    .map(|c| c.name)
                    .unwrap_or(&n.text);
                return NameRef::NotImplemented(format!("{} (command {})", name, num));
            }
            Suffix::Constant(g, i) => {
                return match (names().constant_token)(&n.text, g, i) {
                    Some(v) => NameRef::Const(v),
                    None => NameRef::UnknownConstant(n.text.clone()),
                }
            }
            _ => {}
        }
        if let Some(def) = (names().by_name)(&n.text) {
            return NameRef::Cmd(def);
        }
        if let Some(v) = (names().constant)(&n.text) {
            return NameRef::Const(v);
        }
        if let Some(v) = self.c.known.constants.get(&n.text.to_lowercase()) {
            return NameRef::Const(project_constant(v));
        }
        if let Some(id) = self.c.method_id(&n.text) {
            return NameRef::Method(id);
        }
        if let Some(official) = crate::syntax::data::command_spelling(&n.text.to_lowercase()) {
            return NameRef::NotImplemented(official.to_string());
        }
        NameRef::Var
    }

    pub(super) fn place(&mut self, e: &ast::Expr) -> Option<Place> {
        Some(match &e.kind {
            ExprKind::Local(n) => Place::Local(self.local(n)),
            ExprKind::Param(k) => Place::Local(self.param(*k)),
            ExprKind::ParamIndirect(n) => Place::Param(Box::new(self.expr(n))),
            ExprKind::Interprocess(n) => Place::Inter(self.c.inter_var(n)),
            ExprKind::Name(n) => match self.resolve_name(n) {
                NameRef::Var => Place::Process(self.c.process_var(&n.text)),
                _ => return None,
            },
            ExprKind::Element(b, i) => {
                Place::Element(Box::new(self.expr(b)), Box::new(self.expr(i)))
            }
            ExprKind::Deref(p) => Place::Deref(Box::new(self.expr(p))),
            ExprKind::Member(o, n) => Place::Member(Box::new(self.expr(o)), program_key(n)),
            ExprKind::Index(o, i) => Place::Index(Box::new(self.expr(o)), Box::new(self.expr(i))),
            ExprKind::CharAt(t, i) => {
                Place::CharAt(Box::new(self.place(t)?), Box::new(self.expr(i)))
            }
            ExprKind::Paren(e) => return self.place(e),
            ExprKind::Field { table, field } => {
                Place::Deref(Box::new(self.field_ptr(table, field)))
            }
            _ => return None,
        })
    }
}

/// The value of a project constant (`Resources/*.xlf`, `project::constants`).
fn project_constant(c: &crate::syntax::ProjectConstant) -> Value {
    use crate::syntax::ProjectConstant as P;
    match c {
        P::Integer(n) => Value::Int(*n as i32),
        P::Real(r) => Value::Real(*r),
        P::Text(t) => text(t.as_str()),
    }
}
