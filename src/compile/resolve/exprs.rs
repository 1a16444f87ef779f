//! Expressions of the resolver: operators, literals, member and method calls,
//! names used as values or called, and command calls with their arguments.

use super::names::NameRef;
use super::{fail, Cx};
use crate::compile::ir::{self, Arg, CmdCall, MemberCall, MethodCall, Place};
use crate::runtime::error::codes;
use crate::runtime::keys::program_key;
use crate::runtime::members::MemberFn;
use crate::runtime::registry::CommandDef;
use crate::runtime::value::{text, Date, Value};
use crate::syntax::ast::{self, BinOp, ExprKind, Marker};
use std::rc::Rc;

impl<'c> Cx<'c> {
    pub(super) fn exprs(&mut self, es: &[ast::Expr]) -> Vec<ir::Expr> {
        es.iter().map(|e| self.expr(e)).collect()
    }

    pub(super) fn expr(&mut self, e: &ast::Expr) -> ir::Expr {
        use ir::Expr as E;
        match &e.kind {
            ExprKind::Real(r) => E::Const(Value::Real(*r)),
            ExprKind::HexInt(i) => E::Const(Value::Int(*i as i32)),
            ExprKind::Text(s) => {
                // a method named in a text (`ON ERR CALL("h")`, `.map("m")`) may be
                // called by name at run time: compile it too
                if s.len() < 256 {
                    if let Some(id) = self.c.method_id(s) {
                        self.c.pending.push(id);
                    }
                }
                E::Const(text(s.as_str()))
            }
            ExprKind::Date { year, month, day } => E::Const(Value::Date(Date {
                year: *year,
                month: *month,
                day: *day,
            })),
            ExprKind::Time(t) => E::Const(Value::Time(*t)),
            ExprKind::Local(n) => E::Local(self.local(n)),
            ExprKind::Param(k) => E::Local(self.param(*k)),
            ExprKind::ParamIndirect(n) => E::Param(Box::new(self.expr(n))),
            ExprKind::Interprocess(n) => E::Inter(self.c.inter_var(n)),
            ExprKind::Name(n) => match self.special_name(n) {
                Some(e) => e,
                None => self.name_expr(n, &[]),
            },
            ExprKind::Call { callee, args } => match self.special_call(callee, args) {
                Some(e) => e,
                None => self.name_expr(callee, args),
            },
            ExprKind::Apply { callee, args } => match &callee.kind {
                ExprKind::Member(o, name) if is_super(o) => match self.class {
                    Some(cid) => E::SuperCall(cid, Rc::from(name.as_str()), self.exprs(args)),
                    None => fail(
                        codes::BAD_SUPER,
                        "Super can only be used in a class function",
                    ),
                },
                ExprKind::Member(o, name) => {
                    let func = MemberFn::from_name(name);
                    let obj = self.expr(o);
                    E::MemberCall(Box::new(MemberCall::new(obj, func, name, self.exprs(args))))
                }
                _ => fail(
                    codes::UNSUPPORTED,
                    "Only a formula stored in a property can be called: $o.f()",
                ),
            },
            ExprKind::Table(t) => self.table_ptr(t),
            ExprKind::Field { table, field } => {
                ir::Expr::Deref(Box::new(self.field_ptr(table, field)))
            }
            ExprKind::Unary(op, a) => E::Unary(*op, Box::new(self.expr(a))),
            ExprKind::Binary(op, a, b) => {
                let (a, b) = (Box::new(self.expr(a)), Box::new(self.expr(b)));
                match op {
                    BinOp::AndAnd => E::AndAnd(a, b),
                    BinOp::OrOr => E::OrOr(a, b),
                    op => E::Binary(*op, a, b),
                }
            }
            ExprKind::Ternary(c, a, b) => E::Ternary(
                Box::new(self.expr(c)),
                Box::new(self.expr(a)),
                Box::new(self.expr(b)),
            ),
            ExprKind::Member(o, n) => {
                if matches!(&o.kind, ExprKind::Name(s) if s.text == "cs")
                    && self.c.class_id(n).is_none()
                {
                    return fail(codes::UNKNOWN_CLASS, format!("Unknown class: cs.{}", n));
                }
                let o = Box::new(self.expr(o));
                if n == "length" {
                    E::Length(o)
                } else {
                    E::Member(o, program_key(n))
                }
            }
            ExprKind::Index(o, i) => E::Index(Box::new(self.expr(o)), Box::new(self.expr(i))),
            ExprKind::Element(b, i) => E::Element(Box::new(self.expr(b)), Box::new(self.expr(i))),
            ExprKind::CharAt(t, i) => E::CharAt(Box::new(self.expr(t)), Box::new(self.expr(i))),
            ExprKind::MakePointer(p) => match self.place(p) {
                Some(p) => E::MakePointer(Box::new(p)),
                None => match &p.kind {
                    ExprKind::Table(t) => self.table_ptr(t),
                    _ => fail(
                        codes::UNSUPPORTED,
                        "A pointer can only point to a variable, an array or an element",
                    ),
                },
            },
            ExprKind::Deref(p) => E::Deref(Box::new(self.expr(p))),
            ExprKind::Object(props) => E::Object(
                props
                    .iter()
                    .map(|(k, v)| (program_key(k), self.expr(v)))
                    .collect(),
            ),
            ExprKind::Collection(items) => E::Collection(self.exprs(items)),
            ExprKind::Marker(_) => fail(
                codes::BAD_ARG,
                "A bare *, >, <, & or | is only valid as a command parameter",
            ),
            ExprKind::AssignArg { .. } => fail(
                codes::UNSUPPORTED,
                "Assignments as parameters need a database (not supported)",
            ),
            ExprKind::Paren(e) => self.expr(e),
        }
    }

    /// A name used as a value (`args` empty, no parentheses) or called.
    fn name_expr(&mut self, n: &ast::Name, args: &[ast::Expr]) -> ir::Expr {
        use ir::Expr as E;
        match self.resolve_name(n) {
            // `True` and `False` are constants in all but name: no command call
            NameRef::Cmd(def) if args.is_empty() && matches!(def.name, "True" | "False") => {
                E::Const(Value::Bool(def.name == "True"))
            }
            NameRef::Cmd(def) => E::Cmd(Box::new(self.cmd_call(def, args))),
            NameRef::Const(v) => {
                if args.is_empty() {
                    E::Const(v)
                } else {
                    fail(
                        codes::BAD_ARG,
                        format!("The constant {} cannot take parameters", n.text),
                    )
                }
            }
            NameRef::Method(id) => {
                self.c.pending.push(id);
                E::Method(Box::new(MethodCall {
                    id,
                    args: self.exprs(args),
                    pos: n.span.start as u32,
                }))
            }
            NameRef::NotImplemented(name) => fail(
                codes::NOT_IMPLEMENTED,
                format!("Command not implemented: {}", name),
            ),
            NameRef::UnknownConstant(name) => fail(
                codes::UNKNOWN_CONSTANT,
                format!("Unknown constant: {}", name),
            ),
            NameRef::Var => {
                if args.is_empty() {
                    E::Process(self.c.process_var(&n.text))
                } else {
                    fail(
                        codes::UNKNOWN_NAME,
                        format!("Unknown method or command: {}", n.text),
                    )
                }
            }
        }
    }

    fn cmd_call(&mut self, def: &'static CommandDef, args: &[ast::Expr]) -> CmdCall {
        let mut call = CmdCall {
            cmd: def,
            args: Vec::with_capacity(args.len()),
            star: false,
            order: None,
            markers: Vec::new(),
        };
        for a in args {
            match &a.kind {
                ExprKind::Marker(Marker::Star) => call.star = true,
                ExprKind::Marker(m @ (Marker::Greater | Marker::Less)) => {
                    call.order = Some(*m);
                    call.markers.push((call.args.len() as u32, *m));
                    if super::db::positional_order(def) {
                        call.args.push(Arg::Val(super::db::marker_arg(*m)));
                    }
                }
                ExprKind::Marker(m) => call.args.push(Arg::Val(super::db::marker_arg(*m))),
                _ if super::db::is_query(def) => {
                    let arg = self.query_arg(a);
                    call.args.push(arg);
                }
                _ => {
                    let i = call.args.len();
                    let by_ref = i < 32 && def.refs & (1 << i) != 0;
                    let arg = if by_ref {
                        match self.place(a) {
                            // a property or a collection element cannot be pointed to:
                            // passed by value (OB SET($o.sub; ...) writes into $o.sub)
                            Some(Place::Member(..) | Place::Index(..) | Place::CharAt(..)) => {
                                Arg::Val(self.expr(a))
                            }
                            Some(p) => Arg::Ref(p),
                            None => Arg::Val(self.expr(a)),
                        }
                    } else {
                        Arg::Val(self.expr(a))
                    };
                    call.args.push(arg);
                }
            }
        }
        call
    }
}

fn is_super(e: &ast::Expr) -> bool {
    matches!(&e.kind, ExprKind::Name(n) if n.text.eq_ignore_ascii_case("Super"))
}
