//! Expressions: values, operators, members, calls, parameters.

use super::error::{codes, err, RtResult};
use super::interp::*;
use super::members::library;
use super::ops;
use super::registry::Args;
use super::value::{new_collection, new_object, stored, Value};
use crate::compile::ir::*;
use std::rc::Rc;

impl<'p> Interp<'p> {
    /// Reads property `name` of `ov`; a missing property of a class instance goes
    /// to the class (computed properties, functions).
    #[inline]
    pub(crate) fn read_member(&mut self, ov: &Value, name: &str) -> RtResult<Value> {
        let v = get_prop(ov, name)?;
        match (&v, ov) {
            (Value::Undefined, Value::Object(o)) if self.oo.any() => self.member_fallback(o, name),
            _ => Ok(v),
        }
    }

    pub(crate) fn eval_num(&mut self, e: &'p Expr) -> RtResult<f64> {
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

    /// Evaluates an expression. The hot forms (constants, locals, operators, method
    /// calls) are handled here; the rest in [`Interp::eval_other`], kept out of line
    /// so that this function stays small.
    pub fn eval(&mut self, e: &'p Expr) -> RtResult<Value> {
        match e {
            Expr::Const(v) => Ok(v.clone()),
            Expr::Local(s) => Ok(read_var(&self.locals[self.base + *s as usize])),
            Expr::Binary(op, a, b) => {
                let x = self.eval_operand(a)?;
                let y = self.eval_operand(b)?;
                if let Some(r) = ops::binary_num(*op, &x, &y) {
                    // both are numbers: nothing to drop
                    std::mem::forget(x);
                    std::mem::forget(y);
                    return r;
                }
                ops::binary(*op, x, y)
            }
            Expr::Method(call) => self.eval_method_call(call),
            Expr::Cmd(call) => self.eval_cmd(call),
            Expr::Member(o, name) => self.eval_member(e, o, name),
            _ => self.eval_other(e),
        }
    }

    /// An operand: locals and constants read without a call.
    #[inline(always)]
    pub(crate) fn eval_operand(&mut self, e: &'p Expr) -> RtResult<Value> {
        match e {
            Expr::Local(s) => Ok(read_var(&self.locals[self.base + *s as usize])),
            Expr::Const(v) => Ok(v.clone()),
            // `This.x` / `$o.x` operands: read in place without a call of `eval`
            Expr::Member(o, name) => self.eval_member(e, o, name),
            _ => self.eval(e),
        }
    }

    /// A command call: the argument vector comes from a pool (no allocation once
    /// warm) and goes back to it after the call. Out of line: `eval` stays small.
    #[inline(never)]
    fn eval_cmd(&mut self, call: &'p CmdCall) -> RtResult<Value> {
        let mut args = Args {
            vals: self.arg_pool.pop().unwrap_or_default(),
            star: call.star,
            order: call.order,
            markers: call.markers.clone(),
            undef: Value::Undefined,
        };
        for a in &call.args {
            let v = match a {
                Arg::Val(e) => self.eval_operand(e)?,
                Arg::Ref(p) => Value::Pointer(Rc::new(self.make_pointer(p)?)),
            };
            args.vals.push(v);
        }
        let r = self.guarded(call.cmd.name, |it| (call.cmd.func)(it, &mut args));
        let mut vals = std::mem::take(&mut args.vals);
        vals.clear();
        if vals.capacity() <= 16 && self.arg_pool.len() < 64 {
            self.arg_pool.push(vals);
        }
        r
    }

    /// A member function call on an evaluated value (inside the command boundary).
    fn call_member_value(
        &mut self,
        obj: Value,
        mc: &'p crate::compile::ir::MemberCall,
        args: Vec<Value>,
    ) -> RtResult<Value> {
        let lib = library();
        match obj {
            Value::Object(o) => {
                // a class instance or formula is never a File/Folder object: its
                // metadata, looked up once, decides
                let meta = self.oo.meta_of(&o);
                if meta.is_none() && (lib.is_fs_object)(&o) {
                    return (lib.fs_member)(self, o, &mc.name, args);
                }
                self.call_on_object_meta(o, meta, &mc.name, args, Some(&mc.cache))
            }
            Value::Collection(c) => match (lib.collection_callback)(self, c, &mc.name, args) {
                Ok(r) => r,
                Err((c, args)) => (lib.member)(self, Value::Collection(c), mc.func, &mc.name, args),
            },
            obj => (lib.member)(self, obj, mc.func, &mc.name, args),
        }
    }

    /// `This` for a project method called from the current frame: the formula's
    /// `This` when the caller is a formula (`$o.f:=Formula(m)` then `$o.f()`: in `m`,
    /// `This` is `$o`, as the docs' Formula example relies on), else undefined.
    fn this_for_call(&self) -> Value {
        match self.frames.last() {
            Some(f)
                if !matches!(f.this, Value::Undefined)
                    && self
                        .prog
                        .method(f.method)
                        .is_some_and(|m| m.formula.is_some()) =>
            {
                f.this.clone()
            }
            _ => Value::Undefined,
        }
    }

    /// A project method call: up to three arguments are passed without allocating.
    /// Out of line: `eval`, called for every expression, keeps a small frame.
    #[inline(never)]
    fn eval_method_call(&mut self, call: &'p MethodCall) -> RtResult<Value> {
        let (id, pos, u) = (call.id, call.pos, self.this_for_call());
        match &call.args[..] {
            [] => self.call_with(id, std::iter::empty(), pos, u, &[]),
            [a] => {
                let a = self.eval_operand(a)?;
                self.call_with(id, std::iter::once(a), pos, u, &[])
            }
            [a, b] => {
                let a = self.eval_operand(a)?;
                let b = self.eval_operand(b)?;
                self.call_with(id, [a, b].into_iter(), pos, u, &[])
            }
            [a, b, c] => {
                let a = self.eval_operand(a)?;
                let b = self.eval_operand(b)?;
                let c = self.eval_operand(c)?;
                self.call_with(id, [a, b, c].into_iter(), pos, u, &[])
            }
            args => {
                let args = self.eval_args(args)?;
                self.call_full(id, args, pos, u, &[])
            }
        }
    }

    #[inline(never)]
    fn eval_other(&mut self, e: &'p Expr) -> RtResult<Value> {
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
                if let Some(v) = self.member_in_place(o, name) {
                    return Ok(v);
                }
                let ov = self.eval(o)?;
                self.read_member(&ov, name)
            }
            Expr::Length(o) => match self.eval(o)? {
                Value::Collection(c) => Ok(Value::Real(c.borrow().len() as f64)),
                Value::Null => Ok(Value::Real(0.0)),
                ov => self.read_member(&ov, "length"),
            },
            Expr::Index(o, i) => {
                let ov = self.eval(o)?;
                let iv = self.eval(i)?;
                if let (Value::Object(o), true) = (&ov, self.oo.any()) {
                    if let Some(super::oop::Meta::Native(n)) = self.oo.meta_of(o) {
                        if let Some(r) = n.index(self, o, &iv) {
                            return r;
                        }
                    }
                }
                get_index(&ov, &iv)
            }
            Expr::Element(b, i) if self.local_array(b).is_some() => {
                // `$a{$i}` of a local array: read in place (no copy of the array handle)
                let abs = self.local_array(b).unwrap_or_default();
                let k = self.eval_num(i)?;
                let Value::Array(arr) = &self.locals[abs] else {
                    return as_array(&self.locals[abs]).map(|_| Value::Undefined);
                };
                let a = arr.borrow();
                let idx = k.trunc() as i64;
                match a.elems.get(idx.max(0) as usize) {
                    Some(v) if idx >= 0 => Ok(read_var(v)),
                    _ => err(
                        codes::OUT_OF_RANGE,
                        format!("Array index out of range: {}", idx),
                    ),
                }
            }
            Expr::Element(..) | Expr::Deref(_) => {
                let v = self.eval_raw(e)?;
                Ok(read_var(&v))
            }
            Expr::CharAt(t, i) => {
                let tv = self.eval(t)?;
                let i = self.eval_num(i)?;
                char_of(tv, i)
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
            Expr::Cmd(call) => self.eval_cmd(call),
            Expr::Method(call) => self.eval_method_call(call),
            Expr::MemberCall(mc) => {
                let obj = self.eval(&mc.obj)?;
                let mut args = self.arg_pool.pop().unwrap_or_default();
                for a in &mc.args {
                    args.push(self.eval(a)?);
                }
                if let Value::Object(o) = &obj {
                    if let Some(r) = self.fast_member_call(o, mc, &mut args) {
                        args.clear();
                        if args.capacity() <= 16 && self.arg_pool.len() < 64 {
                            self.arg_pool.push(args);
                        }
                        return r;
                    }
                    let class = o.try_borrow().map_or(0, |m| m.class_tag());
                    if class != 0 {
                        // a class instance: its functions are 4D code (each command
                        // they run has its own boundary), no member function of fourd's
                        let meta = Some(super::oop::Meta::Instance(class - 1));
                        let o = o.clone();
                        return self.call_on_object_meta(o, meta, &mc.name, args, Some(&mc.cache));
                    }
                }
                self.guarded(&mc.name, |it| it.call_member_value(obj, mc, args))
            }
            Expr::This => Ok(self.this()),
            Expr::ClassStore(b) => Ok(Value::Object(if *b {
                self.oo.fourd.clone()
            } else {
                self.oo.cs.clone()
            })),
            Expr::SuperNew(cid, args) => {
                let args = self.eval_args(args)?;
                self.super_new(*cid, args)
            }
            Expr::SuperCall(cid, name, args) => {
                let args = self.eval_args(args)?;
                self.super_call(*cid, name, args)
            }
            Expr::Formula(id) => Ok(self.make_formula(*id)),
            Expr::Try(inner) => {
                self.oo.try_stack.push(self.oo.gen_counter);
                self.oo.last_error = None;
                let depth = self.frames.len();
                let base = self.base;
                let r = self.eval(inner);
                self.oo.try_stack.pop();
                match r {
                    Err(e) if !e.abort && !e.fatal => {
                        self.frames.truncate(depth);
                        self.base = base;
                        self.caught(e);
                        Ok(Value::Undefined)
                    }
                    r => r,
                }
            }
            Expr::Forward(id, pos) => {
                let args = self.forwarded_args();
                let this = self.this_for_call();
                self.call_full(*id, args, *pos, this, &[])
            }
            Expr::Fail(code, msg) => err(*code, msg.to_string()),
        }
    }

    pub(crate) fn eval_args(&mut self, args: &'p [Expr]) -> RtResult<Vec<Value>> {
        let mut v = Vec::with_capacity(args.len());
        for a in args {
            v.push(self.eval(a)?);
        }
        Ok(v)
    }

    /// Every argument of the current call (`Formula(method)` forwards them).
    fn forwarded_args(&mut self) -> Vec<Value> {
        let n = self.frames.last().map(|f| f.nargs).unwrap_or(0) as i64;
        let mut v = Vec::with_capacity(n as usize);
        for k in 1..=n {
            v.push(match self.param_location(k) {
                Ok(ParamLoc::Slot(abs)) => self.locals[abs].clone(),
                Ok(ParamLoc::Vararg(i)) => self
                    .frames
                    .last()
                    .and_then(|f| f.varargs.get(i))
                    .cloned()
                    .unwrap_or_default(),
                Err(_) => Value::Undefined,
            });
        }
        v
    }

    /// `e`, a member read `o.name`: in place when `o` is `This` or a local holding
    /// the property, else through [`Interp::eval_other`].
    #[inline]
    fn eval_member(&mut self, e: &'p Expr, o: &Expr, name: &str) -> RtResult<Value> {
        match self.member_in_place(o, name) {
            Some(v) => Ok(v),
            None => self.eval_other(e),
        }
    }

    /// `This.name` or `$o.name` when the object has the property: read where the
    /// object is (no copy of its handle). `None`: the general path (no such object or
    /// property, or an undefined value, which may be a computed property's).
    #[inline]
    fn member_in_place(&self, o: &Expr, name: &str) -> Option<Value> {
        let obj = match o {
            Expr::This => match &self.frames.last()?.this {
                Value::Object(ob) => ob,
                _ => return None,
            },
            Expr::Local(s) => match &self.locals[self.base + *s as usize] {
                Value::Object(ob) => ob,
                _ => return None,
            },
            _ => return None,
        };
        match obj.borrow().get(name) {
            None | Some(Value::Undefined) => None,
            Some(v) => Some(v.clone()),
        }
    }

    /// The absolute slot of `e` when it is a local holding an array.
    #[inline]
    pub(crate) fn local_array(&self, e: &Expr) -> Option<usize> {
        match e {
            Expr::Local(s) => {
                let abs = self.base + *s as usize;
                matches!(self.locals[abs], Value::Array(_)).then_some(abs)
            }
            _ => None,
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
                if let Value::Blob(bytes) = &base {
                    return super::place::blob_byte(bytes, i);
                }
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

    /// The value of parameter `$k` of the current method (`Copy parameters`).
    pub fn param_value(&self, k: i64) -> RtResult<Value> {
        Ok(match self.param_location(k)? {
            ParamLoc::Slot(abs) => self.locals[abs].clone(),
            ParamLoc::Vararg(i) => self
                .frames
                .last()
                .and_then(|f| f.varargs.get(i))
                .cloned()
                .unwrap_or_default(),
        })
    }

    pub(crate) fn param_location(&self, k: i64) -> RtResult<ParamLoc> {
        let prog = self.prog;
        let f = match self.frames.last() {
            Some(f) => f,
            None => return err(codes::BAD_ARG, "No current method"),
        };
        let Some(m) = prog.method(f.method) else {
            return err(codes::BAD_ARG, "No current method");
        };
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
}

pub(crate) enum ParamLoc {
    Slot(usize),
    Vararg(usize),
}
