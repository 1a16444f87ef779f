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
use super::{FastCode, State};
use crate::compile::ir::MemberCall;
use crate::runtime::access::holds;
use crate::runtime::error::{Loc, RtResult};
use crate::runtime::interp::Interp;
use crate::runtime::value::{Obj, Value, VarType};
use std::rc::Rc;

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
        self.fast_call_on(id, o, args)
    }

    /// Class function `id` (a constructor, a function found for `o`'s class) run
    /// with `This` = `o` by its compiled code, without a frame, as described above;
    /// `None`: it has no compiled code, or the call is not one it can take (nothing
    /// ran, `args` untouched).
    pub(crate) fn fast_call_on(
        &mut self,
        id: u32,
        o: &Obj,
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
        let params = &m.param_slots;
        let param = |s: u32| args.get(params.iter().position(|&p| p == s)?);
        let objs = self.code_objs(&code, Some(o), param)?;
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

    /// Runs `code` with its parameters (`params`, slots typed `types`) set from
    /// `args`; `None`: an argument does not bind to its parameter without a
    /// conversion that could fail (it must hold the parameter's type, or be an
    /// Integer for a Real, converted as `VarType::coerce` converts it), nothing ran.
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
                (VarType::Object, v) if holds(VarType::Object, v) => continue,
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
