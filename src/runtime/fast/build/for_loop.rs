//! `For` loops of the fast-path compiler: a constant step (Integer or Real counter,
//! `Op::ForTestI`/`ForI`, `ForTestR`/`ForR`) or a step computed when the loop
//! starts (`Op::ForTestV`/`ForV`), each as the tree-walker's `exec_for_local`.

use super::{Builder, LoopCx, PATCH};
use crate::compile::ir::{Expr, ForLoop, Place};
use crate::runtime::fast::{Op, Reg, Ty};
use crate::syntax::ast::UnaryOp;

impl Builder<'_> {
    /// `For` on a local counter with a step computed when the loop starts
    /// (`For ($i; $last; $max; $step)`): the tree-walker's `exec_for_local`.
    fn for_loop_var(&mut self, f: &ForLoop, pos: u32, slot: u32) -> Option<()> {
        let start = self.real_operand(&f.start)?;
        let end = self.real_operand(&f.end)?;
        let step = self.real_operand(f.step.as_ref()?)?;
        self.for_var_body(f, pos, slot, start, end, step)
    }

    /// The loop of a `For` whose start, end and step are in Real registers.
    pub(super) fn for_var_body(
        &mut self,
        f: &ForLoop,
        pos: u32,
        slot: u32,
        start: Reg,
        end: Reg,
        step: Reg,
    ) -> Option<()> {
        self.store(slot, (start, Ty::R))?;
        let (ctr, cty) = self.read_local(slot, true)?;
        let real = match cty {
            Ty::I => false,
            Ty::R => true,
            Ty::B => return None,
        };
        let test = self.emit(Op::ForTestV {
            ctr,
            end,
            step,
            real,
            exit: PATCH,
        });
        let body_start = self.here();
        self.loops.push(LoopCx::default());
        self.loop_block(&f.body)?;
        let cx = self.loops.pop()?;
        self.patch(&cx.continues);
        self.cur_pos = pos;
        self.emit(Op::ForV {
            ctr,
            end,
            step,
            real,
            body: body_start,
        });
        self.patch(&[test]);
        self.patch(&cx.breaks);
        Some(())
    }

    /// `For` on a local counter with a constant step (or none): the tree-walker's
    /// `exec_for_local`, step by step.
    pub(super) fn for_loop(&mut self, f: &ForLoop, pos: u32) -> Option<()> {
        let Place::Local(slot) = f.var else {
            return None;
        };
        let step = match &f.step {
            None => 1.0,
            Some(Expr::Const(v)) => v.as_num()?,
            Some(Expr::Unary(UnaryOp::Neg, c)) => match &**c {
                Expr::Const(v) => -v.as_num()?,
                _ => return self.for_loop_var(f, pos, slot),
            },
            Some(_) => return self.for_loop_var(f, pos, slot),
        };
        let start = self.real_operand(&f.start)?;
        let end = self.real_operand(&f.end)?;
        self.store(slot, (start, Ty::R))?;
        let (ctr, cty) = self.read_local(slot, true)?;
        let up = step >= 0.0;
        let (test, body_start) = match cty {
            Ty::I if step.fract() == 0.0 && step.abs() <= i32::MAX as f64 => {
                let step = step as i32;
                let t = self.emit(Op::ForTestI {
                    ctr,
                    end,
                    step,
                    exit: PATCH,
                });
                (t, self.here())
            }
            Ty::R => {
                let t = self.emit(Op::ForTestR {
                    ctr,
                    end,
                    up,
                    exit: PATCH,
                });
                (t, self.here())
            }
            _ => return None,
        };
        self.loops.push(LoopCx::default());
        self.loop_block(&f.body)?;
        let cx = self.loops.pop()?;
        self.patch(&cx.continues);
        self.cur_pos = pos;
        match cty {
            Ty::I => {
                self.emit(Op::ForI {
                    ctr,
                    end,
                    step: step as i32,
                    body: body_start,
                });
            }
            _ => {
                let s = self.constant(step.to_bits());
                self.emit(Op::ForR {
                    ctr,
                    end,
                    step: s,
                    up,
                    body: body_start,
                });
            }
        }
        self.patch(&[test]);
        self.patch(&cx.breaks);
        Some(())
    }
}
