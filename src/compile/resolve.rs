//! Resolution of one method body: AST → IR. Never fails: code that cannot be
//! resolved becomes a `Fail` node that raises a runtime error when reached, so the
//! rest of the method still runs.

use super::ir::{self, Arg, ClassId, CmdCall, MemberCall, MethodCall, MethodId, Place, StmtKind};
use super::Compiler;
use crate::runtime::error::codes;
use crate::runtime::keys::program_key;
use crate::runtime::members::MemberFn;
use crate::runtime::registry::{names, CommandDef};
use crate::runtime::value::{text, Date, Value, VarType};
use crate::syntax::ast::{self, BinOp, ExprKind, Marker, Suffix, TypeRef};
use std::collections::HashMap;
use std::rc::Rc;

mod db;

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

pub(super) fn var_type(t: &TypeRef) -> VarType {
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
pub(super) fn directive_type(name: &str) -> Option<VarType> {
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

fn fail(code: i32, msg: impl Into<String>) -> ir::Expr {
    ir::Expr::Fail(code, Rc::from(msg.into()))
}

/// What a bare name designates.
enum NameRef {
    Cmd(&'static CommandDef),
    Const(Value),
    Method(MethodId),
    NotImplemented(String),
    UnknownConstant(String),
    Var,
}

impl<'c> Cx<'c> {
    /// Creates slots `0..names.len()` named `names` (`$name` designates its slot).
    fn local_names(&mut self, names: &[Rc<str>]) {
        for name in names {
            let s = self.new_slot(name);
            let key = name.strip_prefix('$').unwrap_or(name);
            if !key.is_empty() && !key.starts_with(|ch: char| ch.is_ascii_digit()) {
                self.slots.insert(key.to_lowercase(), s);
            }
        }
    }

    fn new_slot(&mut self, name: &str) -> u32 {
        let s = self.types.len() as u32;
        self.types.push(VarType::Undeclared);
        self.names.push(Rc::from(name));
        s
    }

    fn local(&mut self, name: &str) -> u32 {
        let key = name.to_lowercase();
        if let Some(&s) = self.slots.get(&key) {
            return s;
        }
        let s = self.new_slot(&format!("${}", name));
        self.slots.insert(key, s);
        s
    }

    fn param(&mut self, k: u32) -> u32 {
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

    fn result_slot(&mut self, name: &str) -> u32 {
        match self.result {
            Some(s) => s,
            None => {
                let s = self.new_slot(name);
                self.result = Some(s);
                s
            }
        }
    }

    fn type_slot(&mut self, s: u32, ty: VarType) {
        let t = &mut self.types[s as usize];
        if *t == VarType::Undeclared {
            *t = ty;
        }
    }

    fn resolve_name(&mut self, n: &ast::Name) -> NameRef {
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

    // ------------------------------------------------------------ statements

    fn block(&mut self, b: &[ast::Stmt]) -> ir::Block {
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

    fn declare(&mut self, sig: &ast::Signature) {
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

    fn assign(&mut self, target: &ast::Expr, op: ast::AssignOp, value: &ast::Expr) -> StmtKind {
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

    // ----------------------------------------------------------------- places

    fn place(&mut self, e: &ast::Expr) -> Option<Place> {
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

    // ------------------------------------------------------------ expressions

    fn exprs(&mut self, es: &[ast::Expr]) -> Vec<ir::Expr> {
        es.iter().map(|e| self.expr(e)).collect()
    }

    fn expr(&mut self, e: &ast::Expr) -> ir::Expr {
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
                    if db::positional_order(def) {
                        call.args.push(Arg::Val(db::marker_arg(*m)));
                    }
                }
                ExprKind::Marker(m) => call.args.push(Arg::Val(db::marker_arg(*m))),
                _ if db::is_query(def) => {
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

/// The value of a project constant (`Resources/*.xlf`, `project::constants`).
fn project_constant(c: &crate::syntax::ProjectConstant) -> Value {
    use crate::syntax::ProjectConstant as P;
    match c {
        P::Integer(n) => Value::Int(*n as i32),
        P::Real(r) => Value::Real(*r),
        P::Text(t) => text(t.as_str()),
    }
}

fn is_super(e: &ast::Expr) -> bool {
    matches!(&e.kind, ExprKind::Name(n) if n.text.eq_ignore_ascii_case("Super"))
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

/// Parses the text of `Formula from string`: one expression or one assignment.
pub(super) fn parse_formula(
    t: &str,
    known: &crate::syntax::KnownNames,
) -> Result<ast::Expr, String> {
    special::parse_one_with(t, known)
}
