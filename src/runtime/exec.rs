//! Statements: blocks, assignments, control flow, loops, declarations, `Try`.

use super::error::{codes, err, Loc, RtResult};
use super::interp::*;
use super::ops;
use super::value::{Value, VarType};
use crate::compile::ir::*;
use std::rc::Rc;

impl<'p> Interp<'p> {
    pub fn exec_block(&mut self, block: &'p [Stmt]) -> RtResult<Flow> {
        if let Some(flag) = &self.interrupt {
            if flag.load(std::sync::atomic::Ordering::Relaxed) {
                // not catchable: Try and ON ERR CALL must not keep a stopped run going
                let mut e = super::error::rt_error(codes::INTERRUPTED, "Interrupted");
                e.fatal = true;
                return Err(e);
            }
        }
        super::memory::over_budget()?;
        for stmt in block {
            self.cur_pos = stmt.pos;
            match self.exec_stmt(stmt) {
                Ok(Flow::Normal) => {}
                Ok(f) => return Ok(f),
                Err(e) => self.stmt_failed(e, stmt.pos)?,
            }
        }
        Ok(Flow::Normal)
    }

    /// A statement failed: locates the error; an ON ERR CALL handler runs (then
    /// the next statement: `Ok`), otherwise the error goes on.
    #[cold]
    #[inline(never)]
    fn stmt_failed(&mut self, mut e: Box<super::error::RtError>, pos: u32) -> RtResult<()> {
        if e.loc.is_none() {
            let method = self.frames.last().map(|f| f.method).unwrap_or(0);
            e.loc = Some(Loc {
                method,
                offset: pos,
            });
        }
        if self.handler_applies(&e) {
            self.run_handler(e)?;
            return Ok(());
        }
        Err(e)
    }

    pub(crate) fn cond(&mut self, e: &'p Expr) -> RtResult<bool> {
        use crate::syntax::ast::BinOp;
        // Fast path: a comparison of two integers gives its answer directly.
        let v = match e {
            Expr::Binary(
                op @ (BinOp::Lt | BinOp::Gt | BinOp::Le | BinOp::Ge | BinOp::Eq | BinOp::Ne),
                a,
                b,
            ) => {
                let x = self.eval_operand(a)?;
                let y = self.eval_operand(b)?;
                if let (Value::Int(i), Value::Int(j)) = (&x, &y) {
                    return Ok(match op {
                        BinOp::Lt => i < j,
                        BinOp::Gt => i > j,
                        BinOp::Le => i <= j,
                        BinOp::Ge => i >= j,
                        BinOp::Eq => i == j,
                        _ => i != j,
                    });
                }
                match ops::binary_num(*op, &x, &y) {
                    Some(r) => r?,
                    None => ops::binary(*op, x, y)?,
                }
            }
            e => self.eval(e)?,
        };
        match v {
            Value::Bool(b) => Ok(b),
            Value::Undefined => Ok(false),
            v => err(
                codes::TYPE_MISMATCH,
                format!("Boolean expected, got {}", v.type_name()),
            ),
        }
    }

    pub(crate) fn exec_stmt(&mut self, stmt: &'p Stmt) -> RtResult<Flow> {
        match &stmt.kind {
            StmtKind::Expr(e) => {
                self.eval(e)?;
            }
            StmtKind::Assign(p, e) => {
                let v = self.eval(e)?;
                if let Place::Local(s) = p {
                    self.store_local(self.base + *s as usize, v)?;
                } else {
                    self.assign(p, v)?;
                }
            }
            StmtKind::AppendLocal(slot, es) => self.append_local(*slot, es)?,
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
                if let Some(r) = self.try_fast_region(stmt) {
                    return r;
                }
                while self.cond(c)? {
                    match self.exec_block(body)? {
                        Flow::Break => break,
                        Flow::Return => return Ok(Flow::Return),
                        _ => {}
                    }
                }
            }
            StmtKind::Repeat(body, c) => {
                if let Some(r) = self.try_fast_region(stmt) {
                    return r;
                }
                loop {
                    match self.exec_block(body)? {
                        Flow::Break => break,
                        Flow::Return => return Ok(Flow::Return),
                        _ => {}
                    }
                    if self.cond(c)? {
                        break;
                    }
                }
            }
            StmtKind::For(f) => {
                if let Some(r) = self.try_fast_region(stmt) {
                    return r;
                }
                return self.exec_for(f);
            }
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
                        .and_then(|f| prog.method(f.method)?.result);
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
                self.oo.try_stack.push(self.oo.gen_counter);
                self.oo.last_error = None;
                let r = self.exec_block(body);
                self.oo.try_stack.pop();
                match r {
                    Err(e) if !e.abort && !e.fatal => {
                        // unwind anything a failing call left behind
                        self.frames.truncate(depth);
                        self.base = base;
                        self.caught(e);
                        return self.exec_block(catch);
                    }
                    r => return r,
                }
            }
            StmtKind::Use(target, body) => {
                let v = self.eval(target)?;
                let g = super::scheduler::begin_use(self, &v)?;
                let r = self.exec_block(body);
                super::scheduler::end_use(self, g);
                return r;
            }
            StmtKind::Nop => {}
            StmtKind::Seq(b) => {
                if let Some(r) = self.try_fast_region(stmt) {
                    return r;
                }
                return self.exec_block(b);
            }
            StmtKind::Fail(code, msg) => return err(*code, msg.to_string()),
        }
        Ok(Flow::Normal)
    }

    pub(crate) fn declare(&mut self, p: &'p Place, ty: VarType) -> RtResult<()> {
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

    pub(crate) fn exec_for(&mut self, f: &'p ForLoop) -> RtResult<Flow> {
        let start = self.eval_num(&f.start)?;
        let end = self.eval_num(&f.end)?;
        let step = match &f.step {
            Some(s) => self.eval_num(s)?,
            None => 1.0,
        };
        if let Place::Local(s) = &f.var {
            return self.exec_for_local(*s, start, end, step, &f.body);
        }
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

    /// `For` on a local counter: the same steps as [`Interp::exec_for`] reading and
    /// writing the slot directly; an Integer counter with an integral step is
    /// incremented in place.
    pub(crate) fn exec_for_local(
        &mut self,
        s: u32,
        start: f64,
        end: f64,
        step: f64,
        body: &'p [Stmt],
    ) -> RtResult<Flow> {
        let int_step = if step.fract() == 0.0 && step.abs() <= i32::MAX as f64 {
            Some(step as i32)
        } else {
            None
        };
        self.store_local(self.base + s as usize, Value::Real(start))?;
        loop {
            let abs = self.base + s as usize;
            let c = match &self.locals[abs] {
                Value::Int(i) => *i as f64,
                Value::Real(r) => *r,
                v => match read_var(v) {
                    Value::Int(i) => i as f64,
                    v => {
                        return err(
                            codes::TYPE_MISMATCH,
                            format!("For: numeric counter expected, got {}", v.type_name()),
                        )
                    }
                },
            };
            if (step >= 0.0 && c > end) || (step < 0.0 && c < end) {
                break;
            }
            match self.exec_block(body)? {
                Flow::Break => break,
                Flow::Return => return Ok(Flow::Return),
                _ => {}
            }
            let abs = self.base + s as usize;
            if let (Some(d), VarType::Integer, Value::Int(i)) =
                (int_step, self.ltypes[abs], &mut self.locals[abs])
            {
                if let Some(n) = i.checked_add(d) {
                    *i = n;
                    continue;
                }
            }
            let c = read_var(&self.locals[abs]).as_num().unwrap_or(0.0);
            self.store_local(abs, Value::Real(c + step))?;
        }
        Ok(Flow::Normal)
    }

    /// The `begin`/`end` of a `For each` over `n` items (negative: from the end).
    fn for_each_range(&mut self, f: &'p ForEachLoop, n: i64) -> RtResult<(usize, usize)> {
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
        Ok((b as usize, e.max(0) as usize))
    }

    pub(crate) fn exec_for_each(&mut self, f: &'p ForEachLoop) -> RtResult<Flow> {
        let src = self.eval(&f.source)?;
        enum Src {
            Coll(crate::runtime::value::Coll, usize, usize),
            Keys(Vec<Rc<str>>),
            Native(Rc<dyn crate::runtime::native::Native>, usize, usize),
        }
        let src = match src {
            Value::Collection(c) => {
                let n = c.borrow().len() as i64;
                let (b, e) = self.for_each_range(f, n)?;
                Src::Coll(c, b, e)
            }
            Value::Object(o) => match self.oo.meta_of(&o) {
                Some(crate::runtime::oop::Meta::Native(n)) if n.iter_len().is_some() => {
                    let len = n.iter_len().unwrap_or(0);
                    let (b, e) = self.for_each_range(f, len as i64)?;
                    Src::Native(n, b, e)
                }
                _ => Src::Keys(o.borrow().keys().cloned().collect()),
            },
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
            Src::Native(_, b, e) => e.saturating_sub(*b),
        };
        for i in 0..count {
            let item = match &src {
                Src::Coll(c, b, _) => match c.borrow().get(b + i) {
                    Some(v) => v.clone(),
                    None => break,
                },
                Src::Keys(k) => Value::Text(Rc::new(k[i].to_string())),
                Src::Native(n, b, _) => n.iter_item(self, b + i)?,
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
}
