//! Names and calls the resolver treats specially: `This`, `Super`, the class stores
//! `cs` and `4D`, `Formula(expr)` and `Formula from string("...")` (compiled here,
//! as hidden methods), `Try(expr)` and `EXECUTE FORMULA("...")` with a constant text.
//! With a text computed at run time, the last two are ordinary commands that compile
//! the text when they run (`compile::dynamic`, `runtime::dynamic`).

use super::{fail, Cx};
use crate::compile::ir::{self, FormulaDef, StmtKind};
use crate::runtime::error::codes;
use crate::syntax::ast::{self, ExprKind};
use std::rc::Rc;

impl<'c> Cx<'c> {
    /// `This`, `cs`, `4D`, bare `Super`.
    pub(super) fn special_name(&mut self, n: &ast::Name) -> Option<ir::Expr> {
        if n.text.eq_ignore_ascii_case("This") {
            return Some(ir::Expr::This);
        }
        if n.text == "cs" {
            return Some(ir::Expr::ClassStore(false));
        }
        if n.text == "4D" {
            return Some(ir::Expr::ClassStore(true));
        }
        if n.text.eq_ignore_ascii_case("Super") {
            return Some(fail(
                codes::BAD_SUPER,
                "Super must be called: Super(...) or Super.function(...)",
            ));
        }
        if n.text.eq_ignore_ascii_case("Try") {
            return Some(fail(codes::BAD_ARG, "Try needs an expression: Try(expr)"));
        }
        None
    }

    /// `Super(...)`, `Formula(...)`, `Formula from string("...")`, `Try(...)`.
    pub(super) fn special_call(
        &mut self,
        callee: &ast::Name,
        args: &[ast::Expr],
    ) -> Option<ir::Expr> {
        let name = callee.text.to_ascii_lowercase();
        Some(match name.as_str() {
            "super" => match self.class {
                Some(cid) => ir::Expr::SuperNew(cid, self.exprs(args)),
                None => fail(
                    codes::BAD_SUPER,
                    "Super can only be called in a class constructor",
                ),
            },
            "try" => match args {
                [e] => ir::Expr::Try(Box::new(self.expr(e))),
                _ => fail(codes::BAD_ARG, "Try needs exactly one expression"),
            },
            "formula" => match args {
                [e] => {
                    let src = self.src.clone();
                    self.formula(e, &src)
                }
                _ => fail(codes::BAD_ARG, "Formula needs exactly one expression"),
            },
            "formula from string" => match args.first().map(|a| &a.kind) {
                Some(ExprKind::Text(t)) => match parse_one(t) {
                    Ok(e) => {
                        let src: Rc<str> = Rc::from(t.as_str());
                        self.formula(&e, &src)
                    }
                    Err(m) => fail(codes::BAD_FORMULA_TEXT, m),
                },
                // a text computed at run time: compiled when it runs (command
                // `Formula from string`, `runtime::dynamic`)
                _ => return None,
            },
            _ => return None,
        })
    }

    /// `EXECUTE METHOD(name; $result; params...)` becomes
    /// `$result:=EXECUTE METHOD(name; *; params...)`.
    pub(super) fn execute_method(&mut self, e: &ast::Expr) -> Option<StmtKind> {
        let ExprKind::Call { callee, args } = &e.kind else {
            return None;
        };
        if !callee.text.eq_ignore_ascii_case("EXECUTE METHOD") || args.len() < 2 {
            return None;
        }
        if matches!(args[1].kind, ExprKind::Marker(_)) {
            return None;
        }
        let mut rest = vec![args[0].clone()];
        rest.extend(args[2..].iter().cloned());
        let call = ast::Expr::new(
            ExprKind::Call {
                callee: callee.clone(),
                args: rest,
            },
            e.span.clone(),
        );
        Some(self.assign(&args[1], ast::AssignOp::Set, &call))
    }

    /// `EXECUTE FORMULA("code")` with a constant text runs the code in place, with
    /// the current method's variables.
    pub(super) fn execute_formula(&mut self, e: &ast::Expr) -> Option<StmtKind> {
        let ExprKind::Call { callee, args } = &e.kind else {
            return None;
        };
        if !callee.text.eq_ignore_ascii_case("EXECUTE FORMULA") {
            return None;
        }
        // a text computed at run time is compiled when it runs (the command
        // `EXECUTE FORMULA`, `runtime::dynamic`)
        let Some(ExprKind::Text(t)) = args.first().map(|a| &a.kind) else {
            return None;
        };
        let parsed = crate::syntax::parse(t, &Default::default());
        if let Some(err) = parsed.errors.first() {
            return Some(StmtKind::Fail(
                codes::BAD_FORMULA_TEXT,
                Rc::from(format!("EXECUTE FORMULA: {}", err.message)),
            ));
        }
        let pos = e.span.start as u32;
        let mut body = self.block(&parsed.file.body);
        for s in &mut body {
            s.pos = pos;
        }
        Some(StmtKind::If(
            ir::Expr::Const(crate::runtime::value::Value::Bool(true)),
            body,
            Vec::new(),
        ))
    }

    /// Compiles `e` as a formula: a hidden method with its own frame (`$1..$n` are
    /// its parameters) whose named locals are copied from this method's locals when
    /// the formula is created.
    pub(super) fn formula(&mut self, e: &ast::Expr, src: &Rc<str>) -> ir::Expr {
        let source: Rc<str> = Rc::from(src.get(e.span.clone()).unwrap_or("").trim());
        let (name, path) = self
            .owner
            .map(|id| {
                let m = &self.c.prog.methods[id as usize];
                (m.name.clone(), m.path.clone())
            })
            .unwrap_or_default();
        let id = self.c.add_hidden_method(&name, path);
        self.c.prog.methods[id as usize].class = self.class;
        let mut inner = Cx::new(&mut *self.c, self.class, src.clone());
        inner.owner = Some(id);
        let pos = e.span.start as u32;
        let kind = match &e.kind {
            // `Formula(myMethod)`: the formula's arguments go to the method
            ExprKind::Name(n) => match inner.c.method_id(&n.text) {
                Some(mid) if inner.special_name(n).is_none() => {
                    inner.c.pending.push(mid);
                    StmtKind::Return(Some(ir::Expr::Forward(mid, pos)))
                }
                _ => StmtKind::Return(Some(inner.expr(e))),
            },
            ExprKind::AssignArg { target, op, value } => inner.assign(target, *op, value),
            _ => StmtKind::Return(Some(inner.expr(e))),
        };
        let body = vec![ir::Stmt { kind, pos }];
        let named: Vec<(String, u32)> = inner.slots.iter().map(|(k, &v)| (k.clone(), v)).collect();
        let method_src = inner.src.clone();
        inner.finish(id, body, method_src);
        let mut captures: Vec<(u32, u32)> = named
            .into_iter()
            .map(|(name, slot)| (slot, self.local(&name)))
            .collect();
        captures.sort_unstable();
        self.c.prog.methods[id as usize].formula = Some(Rc::new(FormulaDef { source, captures }));
        ir::Expr::Formula(id)
    }
}

/// Parses the text of `Formula from string`: one expression or one assignment.
pub(super) fn parse_one(t: &str) -> Result<ast::Expr, String> {
    parse_one_with(t, &Default::default())
}

/// [`parse_one`] with the project's names.
pub(super) fn parse_one_with(
    t: &str,
    known: &crate::syntax::KnownNames,
) -> Result<ast::Expr, String> {
    let parsed = crate::syntax::parse(t, known);
    if let Some(e) = parsed.errors.first() {
        return Err(format!("Formula from string: {}", e.message));
    }
    match parsed.file.body.as_slice() {
        [s] => match &s.kind {
            ast::StmtKind::Expr(e) => Ok(e.clone()),
            ast::StmtKind::Assign { target, op, value } => Ok(ast::Expr::new(
                ExprKind::AssignArg {
                    target: Box::new(target.clone()),
                    op: *op,
                    value: Box::new(value.clone()),
                },
                s.span.clone(),
            )),
            _ => Err("Formula from string: an expression expected".into()),
        },
        _ => Err("Formula from string: one expression expected".into()),
    }
}
