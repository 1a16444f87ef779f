//! Statements of the resolver: control flow, declarations (`var`, `C_XXX`
//! directives, `#DECLARE` and function signatures) with the types they give,
//! and assignments.

use super::Cx;
use crate::compile::ir::{self, Place, StmtKind};
use crate::runtime::error::codes;
use crate::runtime::value::{Value, VarType};
use crate::syntax::ast::{self, BinOp, ExprKind, TypeRef};
use std::rc::Rc;

impl<'c> Cx<'c> {
    pub(super) fn block(&mut self, b: &[ast::Stmt]) -> ir::Block {
        b.iter().map(|s| self.stmt(s)).collect()
    }

    fn stmt(&mut self, s: &ast::Stmt) -> ir::Stmt {
        let pos = s.span.start as u32;
        let kind = self.stmt_kind(s);
        ir::Stmt { kind, pos }
    }

    fn stmt_kind(&mut self, s: &ast::Stmt) -> StmtKind {
        use ast::StmtKind as S;
        match &s.kind {
            S::Expr(e) => {
                if let ExprKind::Call { callee, args } = &e.kind {
                    if let Some(ty) = directive_type(&callee.text) {
                        return self.directive(ty, &callee.text, args);
                    }
                    if let Some(k) = self.db_statement(callee, args) {
                        return k;
                    }
                }
                if let ExprKind::Name(n) = &e.kind {
                    if directive_type(&n.text).is_some() {
                        return StmtKind::Nop;
                    }
                }
                if let Some(k) = self.execute_formula(e) {
                    return k;
                }
                if let Some(k) = self.execute_method(e) {
                    return k;
                }
                StmtKind::Expr(self.expr(e))
            }
            S::Assign { target, op, value } => self.assign(target, *op, value),
            S::If {
                cond,
                then_block,
                else_block,
            } => StmtKind::If(
                self.expr(cond),
                self.block(then_block),
                else_block
                    .as_ref()
                    .map(|b| self.block(b))
                    .unwrap_or_default(),
            ),
            S::Case {
                branches,
                else_block,
            } => StmtKind::Case(
                branches
                    .iter()
                    .map(|b| (self.expr(&b.cond), self.block(&b.body)))
                    .collect(),
                else_block
                    .as_ref()
                    .map(|b| self.block(b))
                    .unwrap_or_default(),
            ),
            S::While { cond, body } => StmtKind::While(self.expr(cond), self.block(body)),
            S::Repeat { body, until } => {
                let body = self.block(body);
                StmtKind::Repeat(body, self.expr(until))
            }
            S::For {
                var,
                start,
                end,
                step,
                body,
            } => {
                let Some(var) = self.place(var) else {
                    return StmtKind::Fail(
                        codes::TYPE_MISMATCH,
                        Rc::from("For: the counter must be a variable"),
                    );
                };
                StmtKind::For(Box::new(ir::ForLoop {
                    var,
                    start: self.expr(start),
                    end: self.expr(end),
                    step: step.as_ref().map(|e| self.expr(e)),
                    body: self.block(body),
                }))
            }
            S::ForEach {
                item,
                source,
                begin,
                end,
                condition,
                body,
            } => {
                let Some(item) = self.place(item) else {
                    return StmtKind::Fail(
                        codes::TYPE_MISMATCH,
                        Rc::from("For each: the item must be a variable"),
                    );
                };
                let cond = condition.as_ref().map(|c| match c {
                    ast::LoopCondition::While(e) => (false, self.expr(e)),
                    ast::LoopCondition::Until(e) => (true, self.expr(e)),
                });
                StmtKind::ForEach(Box::new(ir::ForEachLoop {
                    item,
                    source: self.expr(source),
                    begin: begin.as_ref().map(|e| self.expr(e)),
                    end: end.as_ref().map(|e| self.expr(e)),
                    cond,
                    body: self.block(body),
                }))
            }
            S::Break => StmtKind::Break,
            S::Continue => StmtKind::Continue,
            S::Return(e) => StmtKind::Return(e.as_ref().map(|e| self.expr(e))),
            S::Try { body, catch_block } => StmtKind::Try(
                self.block(body),
                catch_block
                    .as_ref()
                    .map(|b| self.block(b))
                    .unwrap_or_default(),
            ),
            S::Use { target, body } => StmtKind::Use(self.expr(target), self.block(body)),
            S::Var { names, ty, init } => {
                self.var(names, ty.as_ref(), init.as_ref(), s.span.start as u32)
            }
            S::Declare(sig) => {
                self.declare(sig);
                StmtKind::Nop
            }
            S::Sql(_) => StmtKind::Fail(codes::UNSUPPORTED, Rc::from("Begin SQL is not supported")),
            S::ClassExtends(_) | S::Property { .. } | S::Alias { .. } | S::Function(_) => {
                StmtKind::Fail(
                    codes::UNSUPPORTED,
                    Rc::from("Class code cannot run as a method (classes are not supported yet)"),
                )
            }
        }
    }

    pub(super) fn declare(&mut self, sig: &ast::Signature) {
        self.strict = true;
        for (i, p) in sig.params.iter().enumerate() {
            let key = p.name.to_lowercase();
            let s = self.new_slot(&format!("${}", p.name));
            self.slots.insert(key, s);
            if self.params.len() <= i {
                self.params.resize(i + 1, None);
            }
            self.params[i] = Some(s);
            if let Some(t) = &p.ty {
                self.type_slot(s, var_type(t));
            }
        }
        if let Some(v) = &sig.variadic {
            self.vararg_type = v.as_ref().map(var_type).unwrap_or_default();
        }
        if let Some(r) = &sig.result {
            let s = match &r.name {
                Some(n) => {
                    let s = self.result_slot(&format!("${}", n));
                    self.slots.insert(n.to_lowercase(), s);
                    s
                }
                None => self.result_slot("$0"),
            };
            if let Some(t) = &r.ty {
                self.type_slot(s, var_type(t));
            }
        }
    }

    fn directive(&mut self, ty: VarType, name: &str, args: &[ast::Expr]) -> StmtKind {
        let mut args = args;
        if name.eq_ignore_ascii_case("C_STRING") && args.len() > 1 {
            args = &args[1..];
        }
        // C_XXX(MethodName; $1...) declares another method's parameters: no-op.
        if let Some(first) = args.first() {
            if let ExprKind::Name(n) = &first.kind {
                if self.c.method_id(&n.text).is_some() {
                    return StmtKind::Nop;
                }
            }
        }
        let mut places = Vec::new();
        for a in args {
            match &a.kind {
                ExprKind::ParamIndirect(_) => self.vararg_type = ty,
                _ => {
                    if let Some(p) = self.declared_place(a, ty) {
                        places.push(p);
                    }
                }
            }
        }
        StmtKind::Declare(places, ty)
    }

    /// A declared variable gets its static type; returns the place to reset at run time.
    fn declared_place(&mut self, e: &ast::Expr, ty: VarType) -> Option<Place> {
        let p = self.place(e)?;
        match &p {
            Place::Local(s) => self.type_slot(*s, ty),
            Place::Process(id) => self.c.declare_process(*id, ty),
            Place::Inter(id) => self.c.declare_inter(*id, ty),
            _ => return None,
        }
        Some(p)
    }

    fn var(
        &mut self,
        names: &[ast::VarName],
        ty: Option<&TypeRef>,
        init: Option<&ast::Expr>,
        pos: u32,
    ) -> StmtKind {
        let ty = match (ty, init) {
            (Some(t), _) => var_type(t),
            (None, Some(e)) => infer_type(e),
            (None, None) => VarType::Variant,
        };
        let mut places = Vec::new();
        for n in names {
            if let Some(p) = self.declared_place(&n.var, ty) {
                places.push(p);
            }
        }
        match (init, places.len()) {
            (Some(init), 1) => {
                let v = self.expr(init);
                let p = places.pop().unwrap_or(Place::Local(0));
                // declare then assign, in one statement
                StmtKind::If(
                    ir::Expr::Const(Value::Bool(true)),
                    vec![
                        ir::Stmt {
                            kind: StmtKind::Declare(vec![p.clone()], ty),
                            pos,
                        },
                        ir::Stmt {
                            kind: StmtKind::Assign(p, v),
                            pos,
                        },
                    ],
                    Vec::new(),
                )
            }
            (Some(_), _) => StmtKind::Fail(
                codes::BAD_ASSIGN,
                Rc::from("var: an initializer needs exactly one variable"),
            ),
            (None, _) => StmtKind::Declare(places, ty),
        }
    }

    pub(super) fn assign(
        &mut self,
        target: &ast::Expr,
        op: ast::AssignOp,
        value: &ast::Expr,
    ) -> StmtKind {
        let Some(place) = self.place(target) else {
            return StmtKind::Fail(
                codes::BAD_ASSIGN,
                Rc::from("This expression cannot be assigned"),
            );
        };
        let binop = match op {
            ast::AssignOp::Set => None,
            ast::AssignOp::Add => Some(BinOp::Add),
            ast::AssignOp::Sub => Some(BinOp::Sub),
            ast::AssignOp::Mul => Some(BinOp::Mul),
            ast::AssignOp::Div => Some(BinOp::Div),
        };
        match (binop, &place) {
            (Some(BinOp::Add), Place::Local(s)) => {
                StmtKind::AppendLocal(*s, vec![self.expr(value)])
            }
            (Some(op), _) => StmtKind::Compound(place, op, self.expr(value)),
            (None, Place::Local(s)) => {
                // `$t:=$t+x+y...` appends in place: walk the left spine of the sums
                let mut rights = Vec::new();
                let mut e = value;
                while let ExprKind::Binary(BinOp::Add, l, r) = &e.kind {
                    rights.push(&**r);
                    e = l;
                }
                if !rights.is_empty()
                    && matches!(self.simple_local(e), Some(Place::Local(ls)) if ls == *s)
                {
                    let operands = rights.iter().rev().map(|r| self.expr(r)).collect();
                    return StmtKind::AppendLocal(*s, operands);
                }
                StmtKind::Assign(place, self.expr(value))
            }
            (None, _) => StmtKind::Assign(place, self.expr(value)),
        }
    }

    fn simple_local(&mut self, e: &ast::Expr) -> Option<Place> {
        match &e.kind {
            ExprKind::Local(_) | ExprKind::Param(_) => self.place(e),
            _ => None,
        }
    }
}

pub(in crate::compile) fn var_type(t: &TypeRef) -> VarType {
    match t {
        TypeRef::Text => VarType::Text,
        TypeRef::Integer => VarType::Integer,
        TypeRef::Real => VarType::Real,
        TypeRef::Boolean => VarType::Boolean,
        TypeRef::Date => VarType::Date,
        TypeRef::Time => VarType::Time,
        TypeRef::Object | TypeRef::Class(_) => VarType::Object,
        TypeRef::Collection => VarType::Collection,
        TypeRef::Pointer => VarType::Pointer,
        TypeRef::Picture => VarType::Picture,
        TypeRef::Blob => VarType::Blob,
        TypeRef::Variant => VarType::Variant,
    }
}

/// The type declared by a `C_XXX` directive name.
pub(in crate::compile) fn directive_type(name: &str) -> Option<VarType> {
    let upper = name.to_ascii_uppercase();
    // `_O_C_INTEGER`, `_O_C_STRING`: the names 4D gives the obsolete directives
    // in tokenized code (same numbers, :C282 and :C293)
    let upper = upper.strip_prefix("_O_").unwrap_or(&upper);
    Some(match upper {
        "C_TEXT" | "C_STRING" => VarType::Text,
        "C_LONGINT" | "C_INTEGER" => VarType::Integer,
        "C_REAL" => VarType::Real,
        "C_BOOLEAN" => VarType::Boolean,
        "C_DATE" => VarType::Date,
        "C_TIME" => VarType::Time,
        "C_OBJECT" => VarType::Object,
        "C_COLLECTION" => VarType::Collection,
        "C_POINTER" => VarType::Pointer,
        "C_PICTURE" => VarType::Picture,
        "C_BLOB" => VarType::Blob,
        "C_VARIANT" => VarType::Variant,
        _ => return None,
    })
}

/// The type `var $x := init` gets from a literal initializer (Variant otherwise).
fn infer_type(e: &ast::Expr) -> VarType {
    match &e.kind {
        ExprKind::Real(_) => VarType::Real,
        ExprKind::HexInt(_) => VarType::Integer,
        ExprKind::Text(_) => VarType::Text,
        ExprKind::Date { .. } => VarType::Date,
        ExprKind::Time(_) => VarType::Time,
        ExprKind::Object(_) => VarType::Object,
        ExprKind::Collection(_) => VarType::Collection,
        ExprKind::Unary(_, e) | ExprKind::Paren(e) => infer_type(e),
        _ => VarType::Variant,
    }
}
