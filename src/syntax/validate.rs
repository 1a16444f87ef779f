//! Post-parse checks that keep the grammar simple: assignment targets are
//! places, declared types exist, date literals are real dates.

use super::ast::*;
use super::SyntaxError;

/// Checks a parsed file; returns the errors found.
pub fn validate(file: &SourceFile) -> Vec<SyntaxError> {
    let mut v = Validator { errors: Vec::new() };
    v.block(&file.body);
    v.errors
}

struct Validator {
    errors: Vec<SyntaxError>,
}

/// Whether an expression can be assigned to.
pub fn is_place(e: &Expr) -> bool {
    match &e.kind {
        ExprKind::Local(_)
        | ExprKind::Param(_)
        | ExprKind::ParamIndirect(_)
        | ExprKind::Interprocess(_)
        | ExprKind::Name(_)
        | ExprKind::Member(..)
        | ExprKind::Index(..)
        | ExprKind::Element(..)
        | ExprKind::CharAt(..)
        | ExprKind::Deref(_)
        | ExprKind::Field { .. } => true,
        ExprKind::Paren(inner) => is_place(inner),
        _ => false,
    }
}

fn days_in_month(year: u16, month: u8) -> u8 {
    match month {
        4 | 6 | 9 | 11 => 30,
        2 if year.is_multiple_of(4) && (!year.is_multiple_of(100) || year.is_multiple_of(400)) => {
            29
        }
        2 => 28,
        _ => 31,
    }
}

impl Validator {
    fn error(&mut self, span: &Span, message: String) {
        self.errors.push(SyntaxError {
            span: span.clone(),
            message,
        });
    }

    fn type_ref(&mut self, ty: &Option<TypeRef>, span: &Span) {
        if let Some(TypeRef::Class(path)) = ty {
            if path.len() == 1 {
                self.error(span, format!("`{}` is not a type", path[0]));
            }
        }
    }

    fn signature(&mut self, sig: &Signature, span: &Span) {
        for p in &sig.params {
            self.type_ref(&p.ty, &p.span);
        }
        if let Some(v) = &sig.variadic {
            self.type_ref(v, span);
        }
        if let Some(r) = &sig.result {
            self.type_ref(&r.ty, span);
        }
    }

    fn block(&mut self, block: &Block) {
        for stmt in block {
            self.stmt(stmt);
        }
    }

    fn assignment(&mut self, target: &Expr) {
        if !is_place(target) {
            self.error(&target.span, "this expression cannot be assigned to".into());
        }
        self.expr(target);
    }

    fn stmt(&mut self, stmt: &Stmt) {
        match &stmt.kind {
            StmtKind::Expr(e) => self.expr(e),
            StmtKind::Assign { target, value, .. } => {
                self.assignment(target);
                self.expr(value);
            }
            StmtKind::If {
                cond,
                then_block,
                else_block,
            } => {
                self.expr(cond);
                self.block(then_block);
                if let Some(b) = else_block {
                    self.block(b);
                }
            }
            StmtKind::Case {
                branches,
                else_block,
            } => {
                for b in branches {
                    self.expr(&b.cond);
                    self.block(&b.body);
                }
                if let Some(b) = else_block {
                    self.block(b);
                }
            }
            StmtKind::While { cond, body } => {
                self.expr(cond);
                self.block(body);
            }
            StmtKind::Repeat { body, until } => {
                self.block(body);
                self.expr(until);
            }
            StmtKind::For {
                var,
                start,
                end,
                step,
                body,
            } => {
                self.assignment(var);
                for e in [start, end].into_iter().chain(step) {
                    self.expr(e);
                }
                self.block(body);
            }
            StmtKind::ForEach {
                item,
                source,
                begin,
                end,
                condition,
                body,
            } => {
                self.assignment(item);
                self.expr(source);
                for e in begin.iter().chain(end) {
                    self.expr(e);
                }
                match condition {
                    Some(LoopCondition::While(c)) | Some(LoopCondition::Until(c)) => self.expr(c),
                    None => {}
                }
                self.block(body);
            }
            StmtKind::Return(Some(e)) => self.expr(e),
            StmtKind::Try { body, catch_block } => {
                self.block(body);
                if let Some(b) = catch_block {
                    self.block(b);
                }
            }
            StmtKind::Use { target, body } => {
                self.expr(target);
                self.block(body);
            }
            StmtKind::Var { names, ty, init } => {
                for n in names {
                    if !is_place(&n.var) {
                        self.error(&n.var.span, "`var` declares variables only".into());
                    }
                }
                self.type_ref(ty, &stmt.span);
                if let Some(e) = init {
                    if names.len() > 1 {
                        self.error(&e.span, "an initial value needs a single variable".into());
                    }
                    self.expr(e);
                }
            }
            StmtKind::Declare(sig) => self.signature(sig, &stmt.span),
            StmtKind::Property { ty, init, .. } => {
                self.type_ref(ty, &stmt.span);
                if let Some(e) = init {
                    self.expr(e);
                }
            }
            StmtKind::Function(def) => {
                self.signature(&def.signature, &stmt.span);
                self.block(&def.body);
            }
            StmtKind::Break
            | StmtKind::Continue
            | StmtKind::Return(None)
            | StmtKind::Sql(_)
            | StmtKind::ClassExtends(_)
            | StmtKind::Alias { .. } => {}
        }
    }

    fn expr(&mut self, e: &Expr) {
        match &e.kind {
            ExprKind::Date { year, month, day } => {
                let null = (*year, *month, *day) == (0, 0, 0);
                if !null
                    && (*month == 0
                        || *month > 12
                        || *day == 0
                        || *day > days_in_month(*year, *month))
                {
                    self.error(
                        &e.span,
                        format!("{year:04}-{month:02}-{day:02} is not a valid date"),
                    );
                }
            }
            ExprKind::ParamIndirect(x)
            | ExprKind::Unary(_, x)
            | ExprKind::Member(x, _)
            | ExprKind::MakePointer(x)
            | ExprKind::Deref(x)
            | ExprKind::Paren(x) => self.expr(x),
            ExprKind::Call { args, .. } => args.iter().for_each(|a| self.expr(a)),
            ExprKind::Apply { callee, args } => {
                self.expr(callee);
                args.iter().for_each(|a| self.expr(a));
            }
            ExprKind::Binary(_, a, b)
            | ExprKind::Index(a, b)
            | ExprKind::Element(a, b)
            | ExprKind::CharAt(a, b) => {
                self.expr(a);
                self.expr(b);
            }
            ExprKind::Ternary(c, a, b) => {
                self.expr(c);
                self.expr(a);
                self.expr(b);
            }
            ExprKind::Object(fields) => fields.iter().for_each(|(_, v)| self.expr(v)),
            ExprKind::Collection(items) => items.iter().for_each(|i| self.expr(i)),
            ExprKind::AssignArg { target, value, .. } => {
                self.assignment(target);
                self.expr(value);
            }
            _ => {}
        }
    }
}
