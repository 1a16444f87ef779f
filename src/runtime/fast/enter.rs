//! Where the tree-walker hands over to compiled code: a call of a method that
//! qualifies (`Interp::run_frame`) and a loop that qualifies (`Interp::exec_stmt`).
//! Locals go from their `Value` slots into registers and back.

use super::vm::{End, Vm};
use super::{build, Entry, FastCode, ObjSrc, Reg, State, Ty, UntypedLocal};
use crate::compile::ir::{ForLoop, MethodId, Place, Stmt, StmtKind};
use crate::runtime::error::{RtError, RtResult};
use crate::runtime::interp::{Flow, Interp};
use crate::runtime::scheduler::{any_shared, is_shared};
use crate::runtime::value::{Array, Coll, Obj, Value, VarType};
use smallvec::SmallVec;
use std::rc::Rc;

/// A register's content as the value of a variable of type `ty`.
pub(super) fn to_value(ty: Ty, bits: u64) -> Value {
    match ty {
        Ty::I => Value::Int(bits as u32 as i32),
        Ty::R => Value::Real(f64::from_bits(bits)),
        Ty::B => Value::Bool(bits != 0),
    }
}

/// The register type of an array's elements, if compiled code can use them.
fn array_elem(a: &Array) -> Option<Ty> {
    if a.two_d {
        return None;
    }
    match a.elem {
        VarType::Boolean => Some(Ty::B),
        VarType::Integer => Some(Ty::I),
        VarType::Real => Some(Ty::R),
        _ => None,
    }
}

/// A variable's value as a register of type `ty`, if it holds that type.
fn from_value(ty: Ty, v: &Value) -> Option<u64> {
    match (ty, v) {
        (Ty::I, Value::Int(i)) => Some(*i as u32 as u64),
        (Ty::R, Value::Real(x)) => Some(x.to_bits()),
        (Ty::B, Value::Bool(b)) => Some(*b as u64),
        _ => None,
    }
}

/// What an untyped local holds, if compiled code can use it.
fn entry_of(v: &Value) -> Option<Entry> {
    match v {
        Value::Undefined => Some(Entry::Undefined),
        Value::Int(_) => Some(Entry::Holds(Ty::I)),
        Value::Real(_) => Some(Entry::Holds(Ty::R)),
        Value::Bool(_) => Some(Entry::Holds(Ty::B)),
        _ => None,
    }
}

fn is_untyped(t: VarType) -> bool {
    matches!(t, VarType::Variant | VarType::Undeclared)
}

/// The register of untyped local `u` as the loop starts, if the local holds what the
/// code was compiled for.
fn untyped_entry(u: &UntypedLocal, v: &Value, declared: Option<&VarType>) -> Option<u64> {
    if !declared.is_some_and(|&t| is_untyped(t)) || entry_of(v) != Some(u.entry) {
        return None;
    }
    Some(match (u.entry, v) {
        (Entry::Undefined, _) => 0,
        (Entry::Holds(Ty::I), Value::Int(i)) if u.ty == Ty::R => (*i as f64).to_bits(),
        (Entry::Holds(t), v) => from_value(t, v)?,
    })
}

/// Loads the untyped locals of `code` (frame at `base`) into their registers (`None`
/// if one does not hold what the code was compiled for).
fn load_untyped(
    regs: &mut [u64],
    code: &FastCode,
    locals: &[Value],
    ltypes: &[VarType],
    base: usize,
) -> Option<()> {
    for u in &code.untyped {
        let abs = base + u.slot as usize;
        regs[u.slot as usize] = untyped_entry(u, locals.get(abs)?, ltypes.get(abs))?;
    }
    Some(())
}

/// The BLOBs of `code` (frame at `base`), taken out of their variables (`None`, and
/// nothing taken, if one does not hold a BLOB).
fn take_blobs(locals: &mut [Value], code: &FastCode, base: usize) -> Option<Vec<Rc<Vec<u8>>>> {
    let holds =
        |&(s, _): &(u32, bool)| matches!(locals.get(base + s as usize), Some(Value::Blob(_)));
    if !code.blobs.iter().all(holds) {
        return None;
    }
    let taken = code.blobs.iter().map(|&(s, _)| {
        match std::mem::replace(&mut locals[base + s as usize], Value::Undefined) {
            Value::Blob(b) => b,
            _ => Rc::default(), // checked above
        }
    });
    Some(taken.collect())
}

fn var_type(ty: Ty) -> VarType {
    match ty {
        Ty::I => VarType::Integer,
        Ty::R => VarType::Real,
        Ty::B => VarType::Boolean,
    }
}

impl<'p> Interp<'p> {
    /// Compiled code may run: an error would not go to an `ON ERR CALL` handler
    /// (which resumes at the next statement; compiled code only propagates errors).
    #[inline]
    pub(crate) fn fast_allowed(&self) -> bool {
        let oo = &self.oo;
        let handled = oo.handler.is_some()
            && oo.in_handler == 0
            && oo.try_stack.last().is_none_or(|&g| oo.handler_gen > g);
        !handled && !self.fast.disabled
    }

    /// The compiled code of method `id`, if it qualifies.
    #[inline]
    pub(crate) fn fast_method(&mut self, id: MethodId) -> Option<Rc<FastCode>> {
        match self.fast.method_state(id) {
            State::Yes(c) => Some(c.clone()),
            State::No | State::Building => None,
            State::Untried => build::method_code(self.prog, &mut self.fast, id),
        }
    }

    /// Runs method `m` (its frame at `base`, arguments bound, `body` its
    /// statements) with its compiled code; `None` if a parameter does not hold its
    /// type or an object is missing (the tree-walker runs it).
    pub(crate) fn run_fast_method(
        &mut self,
        code: &FastCode,
        base: usize,
        body: &'p [Stmt],
    ) -> Option<RtResult<Flow>> {
        let this = match &self.frames.last()?.this {
            Value::Object(o) => Some(o),
            _ => None,
        };
        let locals = &self.locals;
        let objs = self.code_objs(code, this, |s| locals.get(base + s as usize))?;
        let r = self.run_code(code, base, &code.params, &objs)?;
        drop(objs);
        code.runs.set(code.runs.get().saturating_add(1));
        if let Ok(End::Resume(k)) = r {
            return Some(self.resume_fast_method(code, base, body, k));
        }
        if let Some((res, ty)) = code.result {
            self.locals[base + res as usize] = to_value(ty, self.fast.regs[res as usize]);
        }
        Some(r.map(|_| Flow::Normal))
    }

    /// After compiled code of a method (frame at `base`, `body` its statements) gave
    /// back at top-level statement `k` (`End::Resume`): its locals take what the
    /// code left in the registers, and the tree-walker goes on from there.
    pub(crate) fn resume_fast_method(
        &mut self,
        code: &FastCode,
        base: usize,
        body: &'p [Stmt],
        k: u16,
    ) -> RtResult<Flow> {
        for &(s, ty) in &code.reads {
            self.locals[base + s as usize] = to_value(ty, self.fast.regs[s as usize]);
        }
        self.exec_block(body.get(k as usize..).unwrap_or_default())
    }

    /// The objects of whole-method code (`FastCode::objs`): `This` (`this`) and the
    /// object locals (`local(slot)`), each an object, and when it assigns properties
    /// of `This`, `This` an instance of a class without computed properties, nothing
    /// shared (`None`: the tree-walker runs it).
    pub(super) fn code_objs<'v>(
        &self,
        code: &FastCode,
        this: Option<&Obj>,
        local: impl Fn(u32) -> Option<&'v Value>,
    ) -> Option<SmallVec<[Obj; 2]>> {
        if code.stores_this {
            let tag = this?.try_borrow().ok()?.class_tag();
            if tag == 0 || self.oo.has_accessors(tag - 1) || any_shared(self) {
                return None;
            }
        }
        let mut objs = SmallVec::new();
        for src in &code.objs {
            objs.push(match src {
                ObjSrc::This => this?.clone(),
                ObjSrc::Local(s) => match local(*s)? {
                    Value::Object(o) => o.clone(),
                    _ => return None,
                },
            });
        }
        Some(objs)
    }

    /// Runs loop or statement group (`StmtKind::Seq`) `stmt` of the current method
    /// with compiled code, if it qualifies and its locals hold their types; `None`:
    /// the tree-walker runs it.
    pub(crate) fn try_fast_region(&mut self, stmt: &'p Stmt) -> Option<RtResult<Flow>> {
        if !self.fast_allowed() {
            return None;
        }
        let key = stmt as *const Stmt as usize;
        let code = match self.fast.loops.get(&key) {
            Some(c) => c.clone()?,
            None => {
                let id = self.frames.last()?.method;
                let types = &self.prog.method(id)?.slot_types;
                let now = |s: usize| self.locals.get(self.base + s);
                let array_elems = (0..types.len())
                    .map(|s| match now(s) {
                        Some(Value::Array(a)) => array_elem(&a.borrow()),
                        _ => None,
                    })
                    .collect();
                let blobs = (0..types.len())
                    .map(|s| matches!(now(s), Some(Value::Blob(_))))
                    .collect();
                let untyped = (types.iter().enumerate())
                    .map(|(s, &t)| {
                        let abs = self.base + s;
                        let now = self.ltypes.get(abs).copied()?;
                        (is_untyped(t) && is_untyped(now))
                            .then(|| entry_of(self.locals.get(abs)?))?
                    })
                    .collect();
                let locals = build::LoopLocals {
                    array_elems,
                    untyped,
                    blobs,
                };
                let c = build::loop_code(self.prog, &mut self.fast, id, stmt, &locals);
                self.fast.loops.insert(key, c.clone());
                c?
            }
        };
        let base = self.base;
        // stores convert by declared type: the locals' must be those compiled for
        // (`run_code` checks the values)
        for &(r, ty) in &code.reads {
            if self.ltypes.get(base + r as usize) != Some(&var_type(ty)) {
                return None;
            }
        }
        let bounds = match (code.bounds, &stmt.kind) {
            (Some(regs), StmtKind::For(f)) => {
                // evaluated once here; from now on the loop runs here, compiled or not
                let b = match self.for_bounds(f) {
                    Ok(b) => b,
                    Err(e) => return Some(Err(e)),
                };
                Some((regs, b, f))
            }
            (Some(_), _) => return None,
            (None, _) => None,
        };
        if let Some(((rs, re, rp), (s, e, p), _)) = bounds {
            code.enter(&mut self.fast.regs, 0);
            self.fast.regs[rs as usize] = s.to_bits();
            self.fast.regs[re as usize] = e.to_bits();
            self.fast.regs[rp as usize] = p.to_bits();
        }
        let ran = if code.arrays.is_empty() && code.colls.is_empty() && code.blobs.is_empty() {
            self.run_code(&code, base, &code.reads, &[])
        } else {
            self.run_code_arrays(&code, base)
        };
        if ran.is_some() {
            code.runs.set(code.runs.get().saturating_add(1));
        }
        let r = match (ran, bounds) {
            (Some(r), _) => r,
            (None, Some((_, (s, e, p), f))) => match f.var {
                Place::Local(slot) => return Some(self.exec_for_local(slot, s, e, p, &f.body)),
                _ => return None,
            },
            (None, None) => return None,
        };
        for &(s, ty) in &code.writes {
            let v = to_value(ty, self.fast.regs[s as usize]);
            self.locals[base + s as usize] = v;
        }
        for u in code.untyped.iter().filter(|u| u.stored) {
            let regs = &self.fast.regs;
            if u.flag.is_none_or(|f| regs[f as usize] != 0) {
                self.locals[base + u.slot as usize] = to_value(u.ty, regs[u.slot as usize]);
            }
        }
        Some(r.map(|end| match end {
            End::Done | End::Resume(_) => Flow::Normal, // a loop never resumes
            End::MethodReturn => Flow::Return,
        }))
    }

    /// Start, end and step of a `For`, evaluated as `exec_for` does.
    fn for_bounds(&mut self, f: &'p ForLoop) -> RtResult<(f64, f64, f64)> {
        let start = self.eval_num(&f.start)?;
        let end = self.eval_num(&f.end)?;
        let step = match &f.step {
            Some(s) => self.eval_num(s)?,
            None => 1.0,
        };
        Ok((start, end, step))
    }

    /// Runs `code` in a fresh frame whose locals `inputs` come from the frame at
    /// `base` (`None` if one does not hold its type: nothing ran); `objs`, the
    /// objects of a whole method (`FastCode::objs`).
    fn run_code(
        &mut self,
        code: &FastCode,
        base: usize,
        inputs: &[(Reg, Ty)],
        objs: &[Obj],
    ) -> Option<Result<End, Box<RtError>>> {
        let regs = &mut self.fast.regs;
        code.enter(regs, 0);
        for &(r, ty) in inputs {
            regs[r as usize] = from_value(ty, &self.locals[base + r as usize])?;
        }
        load_untyped(regs, code, &self.locals, &self.ltypes, base)?;
        Some(self.run_prepared(code, objs, self.frames.len()))
    }

    /// Runs `code` at the bottom of the register stack, prepared (`FastCode::enter`,
    /// its inputs set), with no arrays or BLOBs; `frames`: the call frames below it.
    #[inline]
    pub(super) fn run_prepared(
        &mut self,
        code: &FastCode,
        objs: &[Obj],
        frames: usize,
    ) -> Result<End, Box<RtError>> {
        let mut vm = Vm {
            regs: &mut self.fast.regs,
            arrays: &mut [],
            blobs: &mut [],
            objs,
            interrupt: self.interrupt.as_deref(),
            depth: 0,
            max_depth: self.max_depth.saturating_sub(frames),
        };
        vm.run(code, 0)
    }

    /// The collections of `This` a loop assigns elements of (`FastCode::colls`), if
    /// `This` is an object holding an unshared collection in each property (`None`:
    /// the tree-walker runs the loop).
    fn this_colls(&self, names: &[Rc<str>]) -> Option<SmallVec<[Coll; 2]>> {
        if names.is_empty() {
            return Some(SmallVec::new()); // `This` need not be an object
        }
        let Value::Object(this) = &self.frames.last()?.this else {
            return None;
        };
        let this = this.try_borrow().ok()?;
        let mut out = SmallVec::new();
        for name in names {
            let Some(Value::Collection(c)) = this.get(&**name) else {
                return None;
            };
            if any_shared(self) && is_shared(self, &Value::Collection(c.clone())) {
                return None; // a store needs `Use` and a shareable value
            }
            out.push(c.clone());
        }
        Some(out)
    }

    /// [`Interp::run_code`] for a loop using local arrays: each must hold an array of
    /// the element type compiled for, all distinct (`None`: nothing ran); and
    /// collections of `This` ([`Interp::this_colls`]), distinct too. Their elements
    /// stay borrowed while the code runs.
    fn run_code_arrays(
        &mut self,
        code: &FastCode,
        base: usize,
    ) -> Option<Result<End, Box<RtError>>> {
        let mut blobs = take_blobs(&mut self.locals, code, base)?;
        let r = self.run_code_blobs(code, base, &mut blobs);
        for (&(slot, _), bytes) in code.blobs.iter().zip(blobs) {
            self.locals[base + slot as usize] = Value::Blob(bytes);
        }
        r
    }

    /// [`Interp::run_code_arrays`] with the BLOBs taken out of their variables.
    fn run_code_blobs(
        &mut self,
        code: &FastCode,
        base: usize,
        blobs: &mut [Rc<Vec<u8>>],
    ) -> Option<Result<End, Box<RtError>>> {
        let colls = self.this_colls(&code.colls)?;
        // a second borrow of the same collection fails: distinct, or nothing runs
        let mut coll_guards = colls
            .iter()
            .map(|c| c.try_borrow_mut().ok())
            .collect::<Option<SmallVec<[_; 2]>>>()?;
        let mut guards = Vec::with_capacity(code.arrays.len());
        for (n, &(slot, ty)) in code.arrays.iter().enumerate() {
            let Some(Value::Array(a)) = self.locals.get(base + slot as usize) else {
                return None;
            };
            if code.arrays[..n]
                .iter()
                .any(|&(s, _)| matches!(self.locals.get(base + s as usize), Some(Value::Array(b)) if Rc::ptr_eq(a, b)))
            {
                return None;
            }
            let g = a.try_borrow_mut().ok()?;
            if array_elem(&g) != Some(ty) {
                return None;
            }
            guards.push(g);
        }
        let regs = &mut self.fast.regs;
        code.enter(regs, 0);
        for &(r, ty) in &code.reads {
            regs[r as usize] = from_value(ty, &self.locals[base + r as usize])?;
        }
        load_untyped(regs, code, &self.locals, &self.ltypes, base)?;
        let mut elems: Vec<&mut Vec<Value>> = guards.iter_mut().map(|g| &mut g.elems).collect();
        let mut bytes: Vec<&mut Vec<u8>> = Vec::with_capacity(blobs.len());
        for (b, &(_, written)) in blobs.iter_mut().zip(&code.blobs) {
            bytes.push(if written {
                Rc::make_mut(b)
            } else {
                Rc::get_mut(b)?
            });
        }
        elems.extend(coll_guards.iter_mut().map(|g| &mut **g));
        let mut vm = Vm {
            regs,
            arrays: &mut elems,
            blobs: &mut bytes,
            objs: &[],
            interrupt: self.interrupt.as_deref(),
            depth: 0,
            max_depth: self.max_depth.saturating_sub(self.frames.len()),
        };
        Some(vm.run(code, 0))
    }
}
