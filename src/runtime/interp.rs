//! The interpreter: runs compiled methods (`compile::ir`). Locals live in one
//! stack of slots (a frame is a window of it), process variables in the current
//! [`Process`], interprocess variables here. Control flow is returned as [`Flow`];
//! errors are [`RtError`]s located at the failing statement and carrying the call
//! chain.

use super::error::{codes, err, rt_error, Loc, RtResult};
use super::ops;
use super::process::Process;
use super::value::{new_collection, new_object, stored, text, ElemRef, Ptr, Value, VarType};
use crate::commands::{collection, Args};
use crate::compile::ir::*;
use std::io::Write;

pub use super::access::*;
use std::rc::Rc;

/// How a block ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Flow {
    Normal,
    Break,
    Continue,
    Return,
}

/// One method call.
#[derive(Debug)]
pub struct Frame {
    pub method: MethodId,
    pub base: usize,
    pub nargs: u32,
    /// Arguments past the method's declared/used parameters (`${n}`).
    pub varargs: Vec<Value>,
    /// The value of `return expr` when the method has no result slot.
    pub ret: Value,
}

/// Default maximum call depth before "Stack full".
pub const MAX_DEPTH: usize = 10_000;

pub struct Interp<'p> {
    pub prog: &'p Program,
    pub locals: Vec<Value>,
    pub ltypes: Vec<VarType>,
    base: usize,
    pub frames: Vec<Frame>,
    pub process: Process,
    pub inter: Vec<Value>,
    pub inter_types: Vec<VarType>,
    pub out: Box<dyn Write>,
    pub errout: Box<dyn Write>,
    pub max_depth: usize,
    /// This process's view of the datastore (selections, current records, locks).
    pub db: crate::datastore::ProcessDb,
}

impl<'p> Interp<'p> {
    pub fn new(prog: &'p Program, out: Box<dyn Write>, errout: Box<dyn Write>) -> Interp<'p> {
        Interp {
            prog,
            locals: Vec::with_capacity(1024),
            ltypes: Vec::with_capacity(1024),
            base: 0,
            frames: Vec::new(),
            process: Process::new(&prog.process_vars),
            inter: prog
                .inter_vars
                .iter()
                .map(|v| v.ty.default_value())
                .collect(),
            inter_types: prog.inter_vars.iter().map(|v| v.ty).collect(),
            out,
            errout,
            max_depth: MAX_DEPTH,
            db: crate::datastore::ProcessDb::default(),
        }
    }

    /// Writes to standard output (buffered).
    pub fn write_out(&mut self, s: &str) {
        let _ = self.out.write_all(s.as_bytes());
    }

    /// Writes to standard error (stdout is flushed first to keep the order).
    pub fn write_err(&mut self, s: &str) {
        let _ = self.out.flush();
        let _ = self.errout.write_all(s.as_bytes());
        let _ = self.errout.flush();
    }

    pub fn flush(&mut self) {
        let _ = self.out.flush();
        let _ = self.errout.flush();
    }

    pub fn frame(&self) -> Option<&Frame> {
        self.frames.last()
    }

    pub fn current_method(&self) -> Option<&'p Method> {
        let prog = self.prog;
        self.frames.last().map(|f| &prog.methods[f.method as usize])
    }

    // ----------------------------------------------------------------- calls

    /// Calls a method with evaluated arguments; `pos` is the offset of the call in
    /// the caller (for the call chain).
    pub fn call_method(&mut self, id: MethodId, args: Vec<Value>, pos: u32) -> RtResult<Value> {
        if self.frames.len() >= self.max_depth {
            return err(codes::STACK_FULL, "Stack full");
        }
        let prog = self.prog;
        let m = match prog.methods.get(id as usize) {
            Some(m) if m.compiled => m,
            Some(m) => {
                return err(
                    codes::UNKNOWN_NAME,
                    format!("Method not compiled: {}", m.name),
                )
            }
            None => return err(codes::UNKNOWN_NAME, "Unknown method"),
        };
        let base = self.locals.len();
        self.locals
            .extend(m.slot_types.iter().map(|t| t.default_value()));
        self.ltypes.extend_from_slice(&m.slot_types);
        let nargs = args.len() as u32;
        let mut varargs = Vec::new();
        let mut bind_err = None;
        for (k, v) in args.into_iter().enumerate() {
            if let Some(&slot) = m.param_slots.get(k) {
                let ty = m.slot_types[slot as usize];
                match ty.coerce(v) {
                    Ok(v) => self.locals[base + slot as usize] = v,
                    Err(v) if m.strict_params => {
                        bind_err = Some(rt_error(
                            codes::BAD_ASSIGN,
                            format!(
                                "Parameter {} of {}: {} expected, got {}",
                                k + 1,
                                m.name,
                                ty.name(),
                                v.type_name()
                            ),
                        ));
                        break;
                    }
                    Err(_) => self.locals[base + slot as usize] = ty.default_value(),
                }
            } else {
                varargs.push(
                    m.vararg_type
                        .coerce(v)
                        .unwrap_or_else(|_| m.vararg_type.default_value()),
                );
            }
        }
        let caller = self.frames.last().map(|f| f.method);
        let saved_base = self.base;
        self.frames.push(Frame {
            method: id,
            base,
            nargs,
            varargs,
            ret: Value::Undefined,
        });
        self.base = base;
        let r = match bind_err {
            Some(e) => Err(e),
            None => self.exec_block(&m.body),
        };
        let frame = self.frames.pop();
        let result = match r {
            Ok(_) => Ok(match m.result {
                Some(slot) => std::mem::take(&mut self.locals[base + slot as usize]),
                None => frame.map(|f| f.ret).unwrap_or_default(),
            }),
            Err(mut e) => {
                if e.loc.is_none() {
                    e.loc = Some(Loc {
                        method: id,
                        offset: 0,
                    });
                }
                if let Some(c) = caller {
                    e.chain.push(Loc {
                        method: c,
                        offset: pos,
                    });
                }
                Err(e)
            }
        };
        self.locals.truncate(base);
        self.ltypes.truncate(base);
        self.base = saved_base;
        result
    }

    // ------------------------------------------------------------ statements

    pub fn exec_block(&mut self, block: &'p [Stmt]) -> RtResult<Flow> {
        for stmt in block {
            match self.exec_stmt(stmt) {
                Ok(Flow::Normal) => {}
                Ok(f) => return Ok(f),
                Err(mut e) => {
                    if e.loc.is_none() {
                        let method = self.frames.last().map(|f| f.method).unwrap_or(0);
                        e.loc = Some(Loc {
                            method,
                            offset: stmt.pos,
                        });
                    }
                    return Err(e);
                }
            }
        }
        Ok(Flow::Normal)
    }

    fn cond(&mut self, e: &'p Expr) -> RtResult<bool> {
        match self.eval(e)? {
            Value::Bool(b) => Ok(b),
            Value::Undefined => Ok(false),
            v => err(
                codes::TYPE_MISMATCH,
                format!("Boolean expected, got {}", v.type_name()),
            ),
        }
    }

    fn exec_stmt(&mut self, stmt: &'p Stmt) -> RtResult<Flow> {
        match &stmt.kind {
            StmtKind::Expr(e) => {
                self.eval(e)?;
            }
            StmtKind::Assign(p, e) => {
                let v = self.eval(e)?;
                self.assign(p, v)?;
            }
            StmtKind::AppendLocal(slot, e) => {
                let rhs = self.eval(e)?;
                let abs = self.base + *slot as usize;
                if let (Value::Text(s), Value::Text(r)) = (&mut self.locals[abs], &rhs) {
                    Rc::make_mut(s).push_str(r);
                } else {
                    let cur = read_var(&self.locals[abs]);
                    let v = ops::binary(crate::syntax::ast::BinOp::Add, cur, rhs)?;
                    self.store_local(abs, v)?;
                }
            }
            StmtKind::Compound(p, op, e) => {
                let cur = self.read_place(p)?;
                let rhs = self.eval(e)?;
                let v = ops::binary(*op, cur, rhs)?;
                self.assign(p, v)?;
            }
            StmtKind::If(c, a, b) => {
                return if self.cond(c)? {
                    self.exec_block(a)
                } else {
                    self.exec_block(b)
                };
            }
            StmtKind::Case(branches, els) => {
                for (c, body) in branches {
                    if self.cond(c)? {
                        return self.exec_block(body);
                    }
                }
                return self.exec_block(els);
            }
            StmtKind::While(c, body) => {
                while self.cond(c)? {
                    match self.exec_block(body)? {
                        Flow::Break => break,
                        Flow::Return => return Ok(Flow::Return),
                        _ => {}
                    }
                }
            }
            StmtKind::Repeat(body, c) => loop {
                match self.exec_block(body)? {
                    Flow::Break => break,
                    Flow::Return => return Ok(Flow::Return),
                    _ => {}
                }
                if self.cond(c)? {
                    break;
                }
            },
            StmtKind::For(f) => return self.exec_for(f),
            StmtKind::ForEach(f) => return self.exec_for_each(f),
            StmtKind::Break => return Ok(Flow::Break),
            StmtKind::Continue => return Ok(Flow::Continue),
            StmtKind::Return(e) => {
                if let Some(e) = e {
                    let v = self.eval(e)?;
                    let prog = self.prog;
                    let result = self
                        .frames
                        .last()
                        .and_then(|f| prog.methods[f.method as usize].result);
                    match result {
                        Some(slot) => self.store_local(self.base + slot as usize, v)?,
                        None => {
                            if let Some(f) = self.frames.last_mut() {
                                f.ret = v;
                            }
                        }
                    }
                }
                return Ok(Flow::Return);
            }
            StmtKind::Declare(places, ty) => {
                for p in places {
                    self.declare(p, *ty)?;
                }
            }
            StmtKind::Try(body, catch) => {
                let depth = self.frames.len();
                let base = self.base;
                match self.exec_block(body) {
                    Ok(f) => return Ok(f),
                    Err(_) => {
                        // unwind anything a failing call left behind
                        self.frames.truncate(depth);
                        self.base = base;
                        return self.exec_block(catch);
                    }
                }
            }
            StmtKind::Nop => {}
            StmtKind::Fail(code, msg) => return err(*code, msg.to_string()),
        }
        Ok(Flow::Normal)
    }

    fn declare(&mut self, p: &'p Place, ty: VarType) -> RtResult<()> {
        let (slot, tyslot): (&mut Value, &mut VarType) = match p {
            Place::Local(s) => {
                let abs = self.base + *s as usize;
                (&mut self.locals[abs], &mut self.ltypes[abs])
            }
            Place::Process(id) => (
                &mut self.process.vars[*id as usize],
                &mut self.process.types[*id as usize],
            ),
            Place::Inter(id) => (
                &mut self.inter[*id as usize],
                &mut self.inter_types[*id as usize],
            ),
            _ => return Ok(()),
        };
        *tyslot = ty;
        if !holds(ty, slot) {
            *slot = ty.default_value();
        }
        Ok(())
    }

    fn exec_for(&mut self, f: &'p ForLoop) -> RtResult<Flow> {
        let start = self.eval_num(&f.start)?;
        let end = self.eval_num(&f.end)?;
        let step = match &f.step {
            Some(s) => self.eval_num(s)?,
            None => 1.0,
        };
        self.assign(&f.var, Value::Real(start))?;
        loop {
            let c = match self.read_place(&f.var)? {
                Value::Int(i) => i as f64,
                Value::Real(r) => r,
                v => {
                    return err(
                        codes::TYPE_MISMATCH,
                        format!("For: numeric counter expected, got {}", v.type_name()),
                    )
                }
            };
            if (step >= 0.0 && c > end) || (step < 0.0 && c < end) {
                break;
            }
            match self.exec_block(&f.body)? {
                Flow::Break => break,
                Flow::Return => return Ok(Flow::Return),
                _ => {}
            }
            let c = self.read_place(&f.var)?.as_num().unwrap_or(0.0);
            self.assign(&f.var, Value::Real(c + step))?;
        }
        Ok(Flow::Normal)
    }

    fn exec_for_each(&mut self, f: &'p ForEachLoop) -> RtResult<Flow> {
        let src = self.eval(&f.source)?;
        enum Src {
            Coll(crate::runtime::value::Coll, usize, usize),
            Keys(Vec<Rc<str>>),
        }
        let src = match src {
            Value::Collection(c) => {
                let n = c.borrow().len() as i64;
                let mut b = match &f.begin {
                    Some(e) => self.eval_num(e)? as i64,
                    None => 0,
                };
                let mut e = match &f.end {
                    Some(e) => self.eval_num(e)? as i64,
                    None => n,
                };
                if b < 0 {
                    b = (b + n).max(0);
                }
                if e < 0 {
                    e += n;
                }
                let e = e.clamp(0, n);
                Src::Coll(c, b as usize, e.max(0) as usize)
            }
            Value::Object(o) => Src::Keys(o.borrow().keys().cloned().collect()),
            Value::Null | Value::Undefined => return Ok(Flow::Normal),
            v => {
                return err(
                    codes::TYPE_MISMATCH,
                    format!(
                        "For each: collection or object expected, got {}",
                        v.type_name()
                    ),
                )
            }
        };
        let count = match &src {
            Src::Coll(_, b, e) => e.saturating_sub(*b),
            Src::Keys(k) => k.len(),
        };
        for i in 0..count {
            let item = match &src {
                Src::Coll(c, b, _) => match c.borrow().get(b + i) {
                    Some(v) => v.clone(),
                    None => break,
                },
                Src::Keys(k) => Value::Text(Rc::new(k[i].to_string())),
            };
            if let Some((false, c)) = &f.cond {
                if !self.cond(c)? {
                    break;
                }
            }
            self.assign(&f.item, item)?;
            match self.exec_block(&f.body)? {
                Flow::Break => break,
                Flow::Return => return Ok(Flow::Return),
                _ => {}
            }
            if let Some((true, c)) = &f.cond {
                if self.cond(c)? {
                    break;
                }
            }
        }
        Ok(Flow::Normal)
    }

    // ----------------------------------------------------------- expressions

    fn eval_num(&mut self, e: &'p Expr) -> RtResult<f64> {
        match self.eval(e)? {
            Value::Int(i) => Ok(i as f64),
            Value::Real(r) => Ok(r),
            Value::Time(t) => Ok(t as f64),
            Value::Undefined => Ok(0.0),
            v => err(
                codes::TYPE_MISMATCH,
                format!("Number expected, got {}", v.type_name()),
            ),
        }
    }

    pub fn eval(&mut self, e: &'p Expr) -> RtResult<Value> {
        match e {
            Expr::Const(v) => Ok(v.clone()),
            Expr::Local(s) => Ok(read_var(&self.locals[self.base + *s as usize])),
            Expr::Process(id) => Ok(read_var(&self.process.vars[*id as usize])),
            Expr::Inter(id) => Ok(read_var(&self.inter[*id as usize])),
            Expr::Param(n) => {
                let v = self.eval_raw(e)?;
                let _ = n;
                Ok(read_var(&v))
            }
            Expr::Binary(op, a, b) => {
                let x = self.eval(a)?;
                let y = self.eval(b)?;
                ops::binary(*op, x, y)
            }
            Expr::Unary(op, a) => {
                let x = self.eval(a)?;
                ops::unary(*op, x)
            }
            Expr::AndAnd(a, b) => {
                let x = self.eval(a)?;
                if x.truthy() {
                    self.eval(b)
                } else {
                    Ok(x)
                }
            }
            Expr::OrOr(a, b) => {
                let x = self.eval(a)?;
                if x.truthy() {
                    Ok(x)
                } else {
                    self.eval(b)
                }
            }
            Expr::Ternary(c, a, b) => {
                if self.eval(c)?.truthy() {
                    self.eval(a)
                } else {
                    self.eval(b)
                }
            }
            Expr::Member(o, name) => {
                let ov = self.eval(o)?;
                get_prop(&ov, name)
            }
            Expr::Length(o) => match self.eval(o)? {
                Value::Collection(c) => Ok(Value::Real(c.borrow().len() as f64)),
                Value::Null => Ok(Value::Real(0.0)),
                ov => get_prop(&ov, "length"),
            },
            Expr::Index(o, i) => {
                let ov = self.eval(o)?;
                let iv = self.eval(i)?;
                get_index(&ov, &iv)
            }
            Expr::Element(..) | Expr::Deref(_) => {
                let v = self.eval_raw(e)?;
                Ok(read_var(&v))
            }
            Expr::CharAt(t, i) => {
                let tv = self.eval(t)?;
                let i = self.eval_num(i)?;
                match tv {
                    Value::Text(s) => char_at(&s, i).map(text),
                    v => err(
                        codes::TYPE_MISMATCH,
                        format!("[[ ]] applies to text, got {}", v.type_name()),
                    ),
                }
            }
            Expr::MakePointer(p) => Ok(Value::Pointer(Rc::new(self.make_pointer(p)?))),
            Expr::Object(props) => {
                let o = new_object();
                for (k, e) in props {
                    let v = self.eval(e)?;
                    o.borrow_mut().insert(k.clone(), stored(v));
                }
                Ok(Value::Object(o))
            }
            Expr::Collection(items) => {
                let mut v = Vec::with_capacity(items.len());
                for e in items {
                    v.push(stored(self.eval(e)?));
                }
                Ok(Value::Collection(new_collection(v)))
            }
            Expr::Cmd(call) => {
                let mut args = Args {
                    vals: Vec::with_capacity(call.args.len()),
                    star: call.star,
                    order: call.order,
                    undef: Value::Undefined,
                };
                for a in &call.args {
                    let v = match a {
                        Arg::Val(e) => self.eval(e)?,
                        Arg::Ref(p) => Value::Pointer(Rc::new(self.make_pointer(p)?)),
                    };
                    args.vals.push(v);
                }
                (call.cmd.func)(self, &mut args)
            }
            Expr::Method(call) => {
                let mut args = Vec::with_capacity(call.args.len());
                for a in &call.args {
                    args.push(self.eval(a)?);
                }
                self.call_method(call.id, args, call.pos)
            }
            Expr::MemberCall(mc) => {
                let obj = self.eval(&mc.obj)?;
                let mut args = Vec::with_capacity(mc.args.len());
                for a in &mc.args {
                    args.push(self.eval(a)?);
                }
                collection::call_member(self, obj, mc.func, &mc.name, args)
            }
            Expr::Fail(code, msg) => err(*code, msg.to_string()),
        }
    }

    /// Evaluates without turning an array into its selected element number.
    pub fn eval_raw(&mut self, e: &'p Expr) -> RtResult<Value> {
        match e {
            Expr::Local(s) => Ok(self.locals[self.base + *s as usize].clone()),
            Expr::Process(id) => Ok(self.process.vars[*id as usize].clone()),
            Expr::Inter(id) => Ok(self.inter[*id as usize].clone()),
            Expr::Param(n) => {
                let k = self.eval_num(n)? as i64;
                match self.param_location(k)? {
                    ParamLoc::Slot(abs) => Ok(self.locals[abs].clone()),
                    ParamLoc::Vararg(i) => Ok(self
                        .frames
                        .last()
                        .and_then(|f| f.varargs.get(i))
                        .cloned()
                        .unwrap_or_default()),
                }
            }
            Expr::Deref(p) => {
                let pv = self.eval(p)?;
                let ptr = as_ptr(&pv)?;
                self.deref_raw(&ptr)
            }
            Expr::Element(b, i) => {
                let base = self.eval_raw(b)?;
                let i = self.eval_num(i)?;
                let arr = as_array(&base)?;
                let a = arr.borrow();
                let idx = i.trunc() as i64;
                if idx < 0 || idx as usize >= a.elems.len() {
                    return err(
                        codes::OUT_OF_RANGE,
                        format!("Array index out of range: {}", idx),
                    );
                }
                Ok(a.elems[idx as usize].clone())
            }
            _ => self.eval(e),
        }
    }

    fn param_location(&self, k: i64) -> RtResult<ParamLoc> {
        let prog = self.prog;
        let f = match self.frames.last() {
            Some(f) => f,
            None => return err(codes::BAD_ARG, "No current method"),
        };
        let m = &prog.methods[f.method as usize];
        if k == 0 {
            return match m.result {
                Some(s) => Ok(ParamLoc::Slot(self.base + s as usize)),
                None => err(codes::BAD_ARG, "${0}: the method has no result"),
            };
        }
        if k < 0 {
            return err(
                codes::OUT_OF_RANGE,
                format!("Invalid parameter number: {}", k),
            );
        }
        let k = k as usize;
        match m.param_slots.get(k - 1) {
            Some(&s) => Ok(ParamLoc::Slot(self.base + s as usize)),
            None => Ok(ParamLoc::Vararg(k - 1 - m.param_slots.len())),
        }
    }

    /// Makes a pointer to a place.
    pub fn make_pointer(&mut self, p: &'p Place) -> RtResult<Ptr> {
        let prog = self.prog;
        Ok(match p {
            Place::Local(s) => {
                let m = self.current_method();
                let name = m
                    .and_then(|m| m.slot_names.get(*s as usize))
                    .cloned()
                    .unwrap_or_else(|| Rc::from("$?"));
                let _ = prog;
                Ptr::Local {
                    abs: (self.base + *s as usize) as u32,
                    name,
                }
            }
            Place::Process(id) => Ptr::Process(*id),
            Place::Inter(id) => Ptr::Inter(*id),
            Place::Param(n) => {
                let k = self.eval_num(n)? as i64;
                match self.param_location(k)? {
                    ParamLoc::Slot(abs) => Ptr::Local {
                        abs: abs as u32,
                        name: Rc::from(format!("${}", k)),
                    },
                    ParamLoc::Vararg(_) => {
                        return err(codes::UNSUPPORTED, "Pointer to an undeclared parameter")
                    }
                }
            }
            Place::Element(b, i) => {
                let base = self.eval_raw(b)?;
                let i = self.eval_num(i)?;
                let array = as_array(&base)?;
                Ptr::Element(ElemRef {
                    array,
                    index: i.trunc() as i32,
                })
            }
            Place::Deref(p) => {
                let pv = self.eval(p)?;
                (*as_ptr(&pv)?).clone()
            }
            Place::Member(..) | Place::Index(..) | Place::CharAt(..) => {
                return err(
                    codes::UNSUPPORTED,
                    "A pointer can only point to a variable, an array or an element",
                )
            }
        })
    }

    /// What a pointer points to (arrays stay arrays).
    pub fn deref_raw(&self, p: &Ptr) -> RtResult<Value> {
        match p {
            Ptr::Nil => err(codes::NIL_POINTER, "Nil pointer"),
            Ptr::Local { abs, .. } => match self.locals.get(*abs as usize) {
                Some(v) => Ok(v.clone()),
                None => err(
                    codes::NIL_POINTER,
                    "Invalid pointer (the variable no longer exists)",
                ),
            },
            Ptr::Process(id) => Ok(self
                .process
                .vars
                .get(*id as usize)
                .cloned()
                .unwrap_or_default()),
            Ptr::Inter(id) => Ok(self.inter.get(*id as usize).cloned().unwrap_or_default()),
            Ptr::Element(e) => {
                let a = e.array.borrow();
                match a.elems.get(e.index.max(0) as usize) {
                    Some(v) if e.index >= 0 => Ok(v.clone()),
                    _ => err(
                        codes::OUT_OF_RANGE,
                        format!("Array index out of range: {}", e.index),
                    ),
                }
            }
            Ptr::Field(t, f) => self.db.field_get(*t, *f),
            Ptr::Table(_) => err(codes::TYPE_MISMATCH, "A table is not a value"),
        }
    }

    /// Stores through a pointer, with the conversions of the target's type.
    pub fn store_ptr(&mut self, p: &Ptr, v: Value) -> RtResult<()> {
        match p {
            Ptr::Nil => err(codes::NIL_POINTER, "Nil pointer"),
            Ptr::Local { abs, .. } => {
                if (*abs as usize) < self.locals.len() {
                    self.store_local(*abs as usize, v)
                } else {
                    err(
                        codes::NIL_POINTER,
                        "Invalid pointer (the variable no longer exists)",
                    )
                }
            }
            Ptr::Process(id) => {
                let ty = self.process.types[*id as usize];
                store_var(&mut self.process.vars[*id as usize], ty, v)
            }
            Ptr::Inter(id) => {
                let ty = self.inter_types[*id as usize];
                store_var(&mut self.inter[*id as usize], ty, v)
            }
            Ptr::Element(e) => set_element(&e.array, e.index as f64, v),
            Ptr::Field(t, f) => self.db.field_set(*t, *f, v),
            Ptr::Table(_) => err(codes::BAD_ASSIGN, "Cannot assign a value to a table"),
        }
    }

    /// Replaces what a variable pointer designates without conversion (used by the
    /// array declaration commands).
    pub fn set_raw(&mut self, p: &Ptr, v: Value) -> RtResult<()> {
        let slot = match p {
            Ptr::Local { abs, .. } => self.locals.get_mut(*abs as usize),
            Ptr::Process(id) => self.process.vars.get_mut(*id as usize),
            Ptr::Inter(id) => self.inter.get_mut(*id as usize),
            Ptr::Element(e) => {
                let mut a = e.array.borrow_mut();
                if e.index < 0 || e.index as usize >= a.elems.len() {
                    return err(codes::OUT_OF_RANGE, "Array index out of range");
                }
                a.elems[e.index as usize] = v;
                return Ok(());
            }
            Ptr::Field(t, f) => return self.db.field_set(*t, *f, v),
            Ptr::Nil | Ptr::Table(_) => None,
        };
        match slot {
            Some(s) => {
                *s = v;
                Ok(())
            }
            None => err(codes::NIL_POINTER, "Nil pointer"),
        }
    }

    /// The declared type of the variable a pointer designates.
    pub fn ptr_type(&self, p: &Ptr) -> VarType {
        match p {
            Ptr::Local { abs, .. } => self.ltypes.get(*abs as usize).copied().unwrap_or_default(),
            Ptr::Process(id) => self
                .process
                .types
                .get(*id as usize)
                .copied()
                .unwrap_or_default(),
            Ptr::Inter(id) => self
                .inter_types
                .get(*id as usize)
                .copied()
                .unwrap_or_default(),
            Ptr::Element(e) => e.array.borrow().elem,
            Ptr::Field(t, f) => self.db.field_var_type(*t, *f),
            Ptr::Nil | Ptr::Table(_) => VarType::Undeclared,
        }
    }

    fn store_local(&mut self, abs: usize, v: Value) -> RtResult<()> {
        let ty = self.ltypes[abs];
        store_var(&mut self.locals[abs], ty, v)
    }

    fn read_place(&mut self, p: &'p Place) -> RtResult<Value> {
        match p {
            Place::Local(s) => Ok(read_var(&self.locals[self.base + *s as usize])),
            Place::Process(id) => Ok(read_var(&self.process.vars[*id as usize])),
            Place::Inter(id) => Ok(read_var(&self.inter[*id as usize])),
            Place::Param(n) => {
                let k = self.eval_num(n)? as i64;
                Ok(read_var(&match self.param_location(k)? {
                    ParamLoc::Slot(abs) => self.locals[abs].clone(),
                    ParamLoc::Vararg(i) => self
                        .frames
                        .last()
                        .and_then(|f| f.varargs.get(i))
                        .cloned()
                        .unwrap_or_default(),
                }))
            }
            Place::Element(b, i) => {
                let base = self.eval_raw(b)?;
                let i = self.eval_num(i)?;
                let arr = as_array(&base)?;
                let a = arr.borrow();
                let idx = i.trunc() as i64;
                match a.elems.get(idx.max(0) as usize) {
                    Some(v) if idx >= 0 => Ok(read_var(v)),
                    _ => err(
                        codes::OUT_OF_RANGE,
                        format!("Array index out of range: {}", idx),
                    ),
                }
            }
            Place::Deref(p) => {
                let pv = self.eval(p)?;
                let ptr = as_ptr(&pv)?;
                Ok(read_var(&self.deref_raw(&ptr)?))
            }
            Place::Member(o, name) => {
                let ov = self.eval(o)?;
                get_prop(&ov, name)
            }
            Place::Index(o, i) => {
                let ov = self.eval(o)?;
                let iv = self.eval(i)?;
                get_index(&ov, &iv)
            }
            Place::CharAt(t, i) => {
                let tv = self.read_place(t)?;
                let i = self.eval_num(i)?;
                match tv {
                    Value::Text(s) => char_at(&s, i).map(text),
                    v => err(
                        codes::TYPE_MISMATCH,
                        format!("[[ ]] applies to text, got {}", v.type_name()),
                    ),
                }
            }
        }
    }

    pub fn assign(&mut self, p: &'p Place, v: Value) -> RtResult<()> {
        match p {
            Place::Local(s) => self.store_local(self.base + *s as usize, v),
            Place::Process(id) => {
                let ty = self.process.types[*id as usize];
                store_var(&mut self.process.vars[*id as usize], ty, v)
            }
            Place::Inter(id) => {
                let ty = self.inter_types[*id as usize];
                store_var(&mut self.inter[*id as usize], ty, v)
            }
            Place::Param(n) => {
                let k = self.eval_num(n)? as i64;
                match self.param_location(k)? {
                    ParamLoc::Slot(abs) => self.store_local(abs, v),
                    ParamLoc::Vararg(i) => {
                        if let Some(f) = self.frames.last_mut() {
                            if f.varargs.len() <= i {
                                f.varargs.resize(i + 1, Value::Undefined);
                            }
                            f.varargs[i] = v;
                        }
                        Ok(())
                    }
                }
            }
            Place::Element(b, i) => {
                let base = self.eval_raw(b)?;
                let i = self.eval_num(i)?;
                let arr = as_array(&base)?;
                set_element(&arr, i, v)
            }
            Place::Deref(p) => {
                let pv = self.eval(p)?;
                let ptr = as_ptr(&pv)?;
                self.store_ptr(&ptr, v)
            }
            Place::Member(o, name) => {
                let ov = self.eval(o)?;
                set_prop(&ov, name, v)
            }
            Place::Index(o, i) => {
                let ov = self.eval(o)?;
                let iv = self.eval(i)?;
                set_index(&ov, &iv, v)
            }
            Place::CharAt(t, i) => {
                let tv = self.read_place(t)?;
                let i = self.eval_num(i)?;
                let s = match tv {
                    Value::Text(s) => s,
                    v => {
                        return err(
                            codes::TYPE_MISMATCH,
                            format!("[[ ]] applies to text, got {}", v.type_name()),
                        )
                    }
                };
                let c = match &v {
                    Value::Text(c) => c.clone(),
                    v => {
                        return err(
                            codes::TYPE_MISMATCH,
                            format!("[[ ]]: a character expected, got {}", v.type_name()),
                        )
                    }
                };
                let new = set_char_at(&s, i, &c)?;
                self.assign(t, text(new))
            }
        }
    }
}

enum ParamLoc {
    Slot(usize),
    Vararg(usize),
}
