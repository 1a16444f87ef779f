//! A member call `$o.f(args)` of a class function that has compiled code, made
//! straight from the tree-walker's call site: the arguments go into registers and
//! the code runs without a call frame, a frame of locals or the command boundary
//! (compiled code runs no command and no tree-walked code, so nothing can see the
//! frame that is not there). It is the same call as `call_on_object_meta` then
//! `call_full` would make (or `construct` for a constructor, `fast_call_on`), taken
//! only when it is that exactly:
//! - the receiver is an instance of a class whose function `f` the call site has
//!   already cached (`compile::ir::MethodCache`), with no own property `f`;
//! - one argument per parameter, each already of its parameter's type or an
//!   Integer for a Real (no error to raise while binding), the object parameters
//!   among them holding objects;
//! - an `ON ERR CALL` handler would not apply (`Interp::fast_allowed`), the call
//!   stack has room.
//!
//! An error gets the location and call chain `run_frame` gives it. When the code
//! gives back (`End::Resume`), the frame is made then (`Interp::resume_call`) and
//! the tree-walker goes on with the locals the code left.

use super::vm::End;
use super::{FastCode, ObjSrc, State};
use crate::compile::ir::MemberCall;
use crate::runtime::access::holds;
use crate::runtime::error::{Loc, RtResult};
use crate::runtime::interp::Interp;
use crate::runtime::scheduler::any_shared;
use crate::runtime::value::{Obj, Value, VarType};
use smallvec::SmallVec;
use std::rc::Rc;

/// `v` binds to a parameter of type `ty` with no error to raise: it holds that type,
/// or it is an Integer for a Real (converted as `VarType::coerce` converts it).
#[inline]
fn binds(ty: VarType, v: &Value) -> bool {
    holds(ty, v) || matches!((ty, v), (VarType::Real, Value::Int(_)))
}

impl<'p> Interp<'p> {
    /// `o.name(args)` (`mc`) run as described above; `None`: the call is not one
    /// of those (nothing ran, `args` untouched).
    #[inline]
    pub(crate) fn fast_member_call(
        &mut self,
        o: &Obj,
        mc: &'p MemberCall,
        args: &mut Vec<Value>,
    ) -> Option<RtResult<Value>> {
        let (class, shadowed) = {
            let m = o.try_borrow().ok()?;
            (m.class_tag().checked_sub(1)?, m.contains_key(&*mc.name))
        };
        let id = mc.cache.get(class)?;
        if shadowed {
            return None;
        }
        self.fast_call_on(id, o, class, args)
    }

    /// Class function `id` (a constructor, a function found for class `class`) run
    /// with `This` = `o` by its compiled code, without a frame, as described above;
    /// `None`: it has no compiled code, or the call is not one it can take (nothing
    /// ran, `args` untouched).
    pub(crate) fn fast_call_on(
        &mut self,
        id: u32,
        o: &Obj,
        class: u32,
        args: &mut Vec<Value>,
    ) -> Option<RtResult<Value>> {
        let code = match self.fast.method_state(id) {
            State::Yes(c) => c.clone(),
            _ => return None,
        };
        if !self.fast_allowed() || self.frames.len() + 1 >= self.max_depth {
            return None;
        }
        let m = self.prog.method(id)?;
        if args.len() != m.param_slots.len() {
            return None;
        }
        let typed = (m.param_slots.iter().zip(args.iter()))
            .all(|(&s, v)| m.slot_types.get(s as usize).is_some_and(|&t| binds(t, v)));
        if !typed {
            return None;
        }
        let objs = self.call_objs(&code, o, class, &m.param_slots, args)?;
        let r = self.run_member_code(&code, &m.param_slots, &m.slot_types, args, &objs)?;
        drop(objs);
        code.runs.set(code.runs.get().saturating_add(1));
        Some(match r {
            Ok(End::Resume(k)) => self.resume_call(id, args, Value::Object(o.clone()), &code, k),
            Ok(_) => Ok(match code.result {
                Some((res, ty)) => super::enter::to_value(ty, self.fast.regs[res as usize]),
                None => Value::Undefined,
            }),
            Err(mut e) => {
                // as `run_frame`: the caller's entry in the call chain
                if let Some(f) = self.frames.last() {
                    e.chain.push(Loc {
                        method: f.method,
                        offset: self.cur_pos,
                    });
                }
                Err(e)
            }
        })
    }

    /// The objects of `code` for this call (`FastCode::objs`: `This` is `o`, an
    /// object local is a parameter holding an object), and the conditions of its
    /// stores into `This` (see `Interp::method_objs`).
    fn call_objs(
        &self,
        code: &FastCode,
        o: &Obj,
        class: u32,
        params: &[u32],
        args: &[Value],
    ) -> Option<SmallVec<[Obj; 2]>> {
        if code.stores_this && (self.oo.has_accessors(class) || any_shared(self)) {
            return None;
        }
        let mut objs = SmallVec::new();
        for src in &code.objs {
            objs.push(match src {
                ObjSrc::This => o.clone(),
                ObjSrc::Local(s) => {
                    let k = params.iter().position(|p| p == s)?;
                    match &args[k] {
                        Value::Object(a) => a.clone(),
                        _ => return None,
                    }
                }
            });
        }
        Some(objs)
    }

    /// Runs `code` with its parameters (`params`, slots typed `types`) set from
    /// `args`; `None`: an argument does not fit its register (nothing ran).
    fn run_member_code(
        &mut self,
        code: &Rc<FastCode>,
        params: &[u32],
        types: &[VarType],
        args: &[Value],
        objs: &[Obj],
    ) -> Option<RtResult<End>> {
        let regs = &mut self.fast.regs;
        code.enter(regs, 0);
        for (&s, v) in params.iter().zip(args) {
            let bits = match (types.get(s as usize)?, v) {
                (VarType::Object, _) => continue,
                (VarType::Integer, Value::Int(i)) => *i as u32 as u64,
                (VarType::Real, Value::Real(x)) => x.to_bits(),
                (VarType::Real, Value::Int(i)) => (*i as f64).to_bits(),
                (VarType::Boolean, Value::Bool(b)) => *b as u64,
                _ => return None,
            };
            regs[s as usize] = bits;
        }
        // as if its frame were pushed
        Some(self.run_prepared(code, objs, self.frames.len() + 1))
    }
}
