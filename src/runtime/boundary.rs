//! The command boundary: every command and member function runs inside
//! [`Interp::guarded`], which turns an unexpected Rust panic (a bug of fourd)
//! into error 49 "internal error" that `Try`, `ON ERR CALL` and the caller see like
//! any other error, after putting the interpreter's stacks (call frames, locals,
//! `Try` nesting, error handler nesting) back where they were when the command
//! began. So no panic ends a run, a web session or a REPL, and none leaks state.

use super::error::{codes, err, RtResult};
use super::interp::Interp;
use std::panic::{catch_unwind, AssertUnwindSafe};

/// Where the interpreter's stacks stood when a command began.
struct Mark {
    frames: usize,
    locals: usize,
    ltypes: usize,
    base: usize,
    try_depth: usize,
    in_handler: u32,
    cur_pos: u32,
}

impl<'p> Interp<'p> {
    /// Runs `f` (a command or a member function); a panic inside becomes error 49.
    #[inline]
    pub(crate) fn guarded<T>(
        &mut self,
        what: &str,
        f: impl FnOnce(&mut Interp<'p>) -> RtResult<T>,
    ) -> RtResult<T> {
        let mark = Mark {
            frames: self.frames.len(),
            locals: self.locals.len(),
            ltypes: self.ltypes.len(),
            base: self.base,
            try_depth: self.oo.try_stack.len(),
            in_handler: self.oo.in_handler,
            cur_pos: self.cur_pos,
        };
        // AssertUnwindSafe: after a panic, the state `f` may have left half-done is
        // restored below (the stacks) or is plain data the 4D code may inspect
        // (values of objects, which stay valid Rust values whatever happened).
        match catch_unwind(AssertUnwindSafe(|| f(self))) {
            Ok(r) => r,
            Err(payload) => {
                self.frames.truncate(mark.frames);
                self.locals.truncate(mark.locals);
                self.ltypes.truncate(mark.ltypes);
                self.base = mark.base;
                self.oo.try_stack.truncate(mark.try_depth);
                self.oo.in_handler = mark.in_handler;
                self.cur_pos = mark.cur_pos;
                let msg = payload
                    .downcast_ref::<&str>()
                    .map(|s| s.to_string())
                    .or_else(|| payload.downcast_ref::<String>().cloned())
                    .unwrap_or_else(|| "unexpected failure".into());
                err(
                    codes::INTERNAL,
                    format!("internal error in {}: {}", what, msg),
                )
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::runtime::interp::Frame;
    use crate::runtime::value::Value;

    #[test]
    fn a_panic_is_error_49_and_the_stacks_are_restored() {
        let prog = crate::compile::ir::Program::default();
        let mut it = Interp::new(&prog, Box::new(std::io::sink()), Box::new(std::io::sink()));
        let (frames, locals) = (it.frames.len(), it.locals.len());
        // silence the default hook's report for this deliberate panic
        let hook = std::panic::take_hook();
        std::panic::set_hook(Box::new(|_| {}));
        for _ in 0..25 {
            let r: RtResult<Value> = it.guarded("TEST", |it| {
                it.frames.push(Frame {
                    method: Default::default(),
                    base: 0,
                    nargs: 0,
                    varargs: Vec::new(),
                    ret: Value::Undefined,
                    this: Value::Undefined,
                    call_pos: 0,
                    deferred: Vec::new(),
                });
                it.locals.push(Value::Int(1));
                it.oo.try_stack.push(0);
                panic!("boom")
            });
            let e = r.err().map(|e| (e.code, e.message));
            assert_eq!(
                e,
                Some((codes::INTERNAL, "internal error in TEST: boom".into()))
            );
        }
        std::panic::set_hook(hook);
        assert_eq!((it.frames.len(), it.locals.len()), (frames, locals));
        assert!(it.oo.try_stack.is_empty());
    }
}
