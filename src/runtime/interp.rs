//! The interpreter: runs compiled methods (`compile::ir`). Locals live in one
//! stack of slots (a frame is a window of it), process variables in the current
//! [`Process`], interprocess variables here.
//!
//! An [`Interp`] is the world of one application plus the registers of the
//! process running in it. Run-wide (the world): the program, interprocess
//! variables, the process table with `Storage`, semaphores and shared objects
//! (`sched`), classes (`oo`, but for its error-handling fields), the datastore
//! connection (`db.store`), output, options (`max_depth`, `interrupt`), the
//! host of outside events. Per process (swapped by the scheduler's one
//! `swap_context`, see `scheduler::ProcCtx`): `locals`, `ltypes`, `base`,
//! `frames`, `cur_pos`, `process` (process variables), `db` (selections,
//! current records, sets, locks), `oo.handler` / `oo.try_stack` /
//! `oo.in_handler` / `oo.last_error` (`ON ERR CALL` and `Try`), `web` (request,
//! session id). Control flow is returned as [`Flow`];
//! errors are [`RtError`]s located at the failing statement and carrying the call
//! chain.

use super::error::{codes, err, rt_error, Loc, RtResult};
use super::process::Process;
use super::value::{Value, VarType};
use crate::compile::ir::*;
use std::io::Write;

pub use super::access::*;

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
    /// `This` (undefined outside class functions and formulas called on an object).
    pub this: Value,
    /// Offset of the statement of the caller that made this call.
    pub call_pos: u32,
    /// Errors thrown in deferred mode, raised when the method returns.
    pub deferred: Vec<Box<super::error::RtError>>,
}

/// Default maximum call depth before "Stack full".
pub const MAX_DEPTH: usize = 10_000;

pub struct Interp<'p> {
    pub prog: &'p Program,
    pub locals: Vec<Value>,
    pub ltypes: Vec<VarType>,
    pub(crate) base: usize,
    pub frames: Vec<Frame>,
    pub process: Process,
    pub inter: Vec<Value>,
    pub inter_types: Vec<VarType>,
    pub out: Box<dyn Write>,
    pub errout: Box<dyn Write>,
    pub max_depth: usize,
    /// The running process's web state (request, legacy session, HTTP client
    /// settings): part of its context.
    pub web: super::host::WebCtx,
    /// This process's view of the datastore (selections, current records, locks).
    pub db: crate::datastore::ProcessDb,
    /// Offset of the statement running (for call chains).
    pub cur_pos: u32,
    /// Classes, formulas and error handling state (`runtime::oop`, `exec`).
    pub oo: super::oop::OoState,
    /// Spare argument vectors for command calls (reused, not reallocated).
    pub(crate) arg_pool: Vec<Vec<Value>>,
    /// Short property names seen at run time, shared by every object using them.
    keys: super::keys::Keys,
    /// Set (by the REPL's Ctrl-C handler) to stop the running code: while it is
    /// true, every block raises "Interrupted" when it starts.
    pub interrupt: Option<std::sync::Arc<std::sync::atomic::AtomicBool>>,
    /// The other processes of this interpreter (`runtime::scheduler`).
    pub sched: Box<super::scheduler::Sched>,
    /// Compiled code of the methods and loops that qualify (`runtime::fast`).
    pub fast: super::fast::Cache,
    /// The source of outside events (a web server), when one is installed
    /// (`runtime::host`); run-wide.
    pub host: Option<Box<dyn super::host::Host>>,
}

impl Drop for Interp<'_> {
    fn drop(&mut self) {
        // end every process (its coroutine) while the interpreter is whole
        super::scheduler::shutdown(self);
    }
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
            inter: prog.inter_vars.iter().map(|v| v.initial_value()).collect(),
            inter_types: prog.inter_vars.iter().map(|v| v.ty).collect(),
            out,
            errout,
            max_depth: MAX_DEPTH,
            web: Default::default(),
            db: crate::datastore::ProcessDb::default(),
            oo: super::oop::OoState::new(prog),
            cur_pos: 0,
            arg_pool: Vec::new(),
            keys: Default::default(),
            interrupt: None,
            sched: Default::default(),
            fast: super::fast::Cache {
                // a debugging switch: compare a run with and without compiled code
                disabled: std::env::var_os("FOURD_NO_FAST").is_some(),
                ..Default::default()
            },
            host: None,
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

    /// A property name as a shared `Rc<str>`: short names are interned (objects
    /// built by `New object` share their names instead of each holding a copy).
    pub fn intern_key(&mut self, k: &str) -> std::rc::Rc<str> {
        self.keys.intern(k)
    }

    /// [`Interp::intern_key`] for a text value (fast when the same text, e.g. a
    /// constant, is interned again).
    #[inline]
    pub fn intern_text(&mut self, t: &std::rc::Rc<String>) -> std::rc::Rc<str> {
        self.keys.intern_text(t)
    }

    pub fn frame(&self) -> Option<&Frame> {
        self.frames.last()
    }

    pub fn current_method(&self) -> Option<&'p Method> {
        let prog = self.prog;
        self.frames.last().and_then(|f| prog.method(f.method))
    }

    // ----------------------------------------------------------------- calls

    /// Calls a method with evaluated arguments; `pos` is the offset of the call in
    /// the caller (for the call chain).
    pub fn call_method(&mut self, id: MethodId, args: Vec<Value>, pos: u32) -> RtResult<Value> {
        self.call_full(id, args, pos, Value::Undefined, &[])
    }

    /// Calls a method with `This` and captured locals (formulas) set.
    pub fn call_full(
        &mut self,
        id: MethodId,
        args: Vec<Value>,
        pos: u32,
        this: Value,
        captured: &[(u32, Value)],
    ) -> RtResult<Value> {
        // the emptied argument vector goes back to the pool (a member call takes
        // its vector from there: no allocation per call once warm)
        let mut args = args;
        let r = self.call_with(id, args.drain(..), pos, this, captured);
        if args.capacity() != 0 && args.capacity() <= 16 && self.arg_pool.len() < 64 {
            self.arg_pool.push(args);
        }
        r
    }

    /// Calls a method, its arguments given by an iterator (no allocation needed).
    pub(crate) fn call_with<I: ExactSizeIterator<Item = Value>>(
        &mut self,
        id: MethodId,
        args: I,
        pos: u32,
        this: Value,
        captured: &[(u32, Value)],
    ) -> RtResult<Value> {
        if self.frames.len() >= self.max_depth {
            return err(codes::STACK_FULL, "Stack full");
        }
        let prog = self.prog;
        let m = match prog.method(id) {
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
        for (k, v) in args.enumerate() {
            if let Some(&slot) = m.param_slots.get(k) {
                let ty = m.slot_types[slot as usize];
                if holds(ty, &v) {
                    self.locals[base + slot as usize] = v;
                    continue;
                }
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
        for (slot, v) in captured {
            self.locals[base + *slot as usize] = v.clone();
        }
        self.run_frame(id, m, base, nargs, varargs, bind_err, pos, this, None)
    }

    /// The call of class function `id` that compiled code began without a frame
    /// (`runtime::fast::call`) and gave back at top-level statement `k`: the frame is
    /// made (`args` bind to their parameters without error, one per parameter), the locals
    /// take what the code left in its registers, and the tree-walker goes on.
    pub(crate) fn resume_call(
        &mut self,
        id: MethodId,
        args: &mut Vec<Value>,
        this: Value,
        code: &crate::runtime::fast::FastCode,
        k: u16,
    ) -> RtResult<Value> {
        let Some(m) = self.prog.method(id) else {
            return err(codes::UNKNOWN_NAME, "Unknown method");
        };
        let base = self.locals.len();
        self.locals
            .extend(m.slot_types.iter().map(|t| t.default_value()));
        self.ltypes.extend_from_slice(&m.slot_types);
        let nargs = args.len() as u32;
        for (v, &slot) in args.drain(..).zip(&m.param_slots) {
            let ty = m.slot_types[slot as usize];
            self.locals[base + slot as usize] = ty.coerce(v).unwrap_or_else(|_| ty.default_value());
        }
        let resume = Some((code, k));
        self.run_frame(id, m, base, nargs, Vec::new(), None, 0, this, resume)
    }

    /// The body of a call once its arguments are bound: pushes the frame, runs the
    /// method, takes the result and pops the frame.
    #[allow(clippy::too_many_arguments)]
    fn run_frame(
        &mut self,
        id: MethodId,
        m: &'p Method,
        base: usize,
        nargs: u32,
        varargs: Vec<Value>,
        bind_err: Option<Box<super::error::RtError>>,
        pos: u32,
        this: Value,
        resume: Option<(&crate::runtime::fast::FastCode, u16)>,
    ) -> RtResult<Value> {
        let caller = self.frames.last().map(|f| f.method);
        let saved_base = self.base;
        let saved_pos = self.cur_pos;
        self.frames.push(Frame {
            method: id,
            base,
            nargs,
            varargs,
            ret: Value::Undefined,
            this,
            call_pos: self.cur_pos,
            deferred: Vec::new(),
        });
        self.base = base;
        let r = match (bind_err, resume) {
            (Some(e), _) => Err(e),
            (None, Some((code, k))) => self.resume_fast_method(code, base, &m.body, k),
            (None, None) => match self.fast_allowed().then(|| self.fast_method(id)).flatten() {
                Some(code) => match self.run_fast_method(&code, base, &m.body) {
                    Some(r) => r,
                    None => self.exec_block(&m.body),
                },
                None => self.exec_block(&m.body),
            },
        };
        // the frame is taken apart in place (no move of the whole frame)
        let (deferred, ret) = match self.frames.last_mut() {
            Some(f) if f.deferred.is_empty() => (None, std::mem::take(&mut f.ret)),
            Some(f) => (
                Some(std::mem::take(&mut f.deferred)),
                std::mem::take(&mut f.ret),
            ),
            None => (None, Value::Undefined),
        };
        let depth = self.frames.len();
        self.frames.truncate(depth.saturating_sub(1));
        let r = match (r, deferred) {
            (Ok(_), Some(d)) => Err(super::oop::deferred_error(d)),
            (r, _) => r,
        };
        let result = match r {
            Ok(_) => Ok(match m.result {
                Some(slot) => std::mem::take(&mut self.locals[base + slot as usize]),
                None => ret,
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
                        offset: if pos == 0 { saved_pos } else { pos },
                    });
                }
                Err(e)
            }
        };
        self.locals.truncate(base);
        self.ltypes.truncate(base);
        self.base = saved_base;
        self.cur_pos = saved_pos;
        result
    }

    /// Runs method `id` at top level with its first local slots taken from `locals`
    /// and `types` (the REPL's persistent `$locals`); afterwards both hold every
    /// slot of the method, with the values and types the run left.
    pub fn run_entry(
        &mut self,
        id: MethodId,
        locals: &mut Vec<Value>,
        types: &mut Vec<VarType>,
    ) -> RtResult<Value> {
        let prog = self.prog;
        let Some(m) = prog.method(id) else {
            return err(codes::UNKNOWN_NAME, "Unknown method");
        };
        let n = m.slot_types.len().max(locals.len());
        let new_slots = m.slot_types.get(locals.len()..).unwrap_or(&[]);
        locals.extend(new_slots.iter().map(|t| t.default_value()));
        types.resize(locals.len(), VarType::Undeclared);
        for (t, d) in types.iter_mut().zip(&m.slot_types) {
            if *t == VarType::Undeclared {
                *t = *d;
            }
        }
        let depth = self.frames.len();
        let base = self.locals.len();
        self.locals.append(locals);
        self.ltypes.append(types);
        let saved_base = self.base;
        self.base = base;
        self.frames.push(Frame {
            method: id,
            base,
            nargs: 0,
            varargs: Vec::new(),
            ret: Value::Undefined,
            this: Value::Undefined,
            call_pos: self.cur_pos,
            deferred: Vec::new(),
        });
        let r = self.exec_block(&m.body);
        self.frames.truncate(depth + 1);
        let mut frame = self.frames.pop();
        let r = match (r, frame.as_mut().map(|f| std::mem::take(&mut f.deferred))) {
            (Ok(_), Some(d)) if !d.is_empty() => Err(super::oop::deferred_error(d)),
            (r, _) => r,
        };
        self.base = saved_base;
        *locals = self.locals.split_off(base);
        *types = self.ltypes.split_off(base);
        locals.truncate(n);
        types.truncate(n);
        match r {
            Ok(_) => Ok(match m.result {
                Some(slot) => locals[slot as usize].clone(),
                None => frame.map(|f| f.ret).unwrap_or_default(),
            }),
            Err(mut e) => {
                if e.loc.is_none() {
                    e.loc = Some(Loc {
                        method: id,
                        offset: 0,
                    });
                }
                Err(e)
            }
        }
    }
}
