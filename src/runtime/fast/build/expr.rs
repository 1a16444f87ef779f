//! Expressions of the fast-path compiler: operands, conversions between Integer,
//! Real and Boolean registers, operators, conditions, calls.

use super::{method_code, signature, Builder, PATCH};
use crate::compile::ir::*;
use crate::runtime::fast::{CallSite, Op, Reg, Ty};
use crate::runtime::numeric::Math1;
use crate::runtime::value::Value;
use crate::syntax::ast::{BinOp, UnaryOp};

impl Builder<'_> {
    // ------------------------------------------------------------ conversions

    pub(super) fn as_real(&mut self, (r, t): (Reg, Ty)) -> Option<Reg> {
        match t {
            Ty::R => Some(r),
            Ty::I => Some(self.emit_to(|d| Op::IToR(d, r))),
            Ty::B => None,
        }
    }

    pub(super) fn as_int_trunc(&mut self, (r, t): (Reg, Ty)) -> Option<Reg> {
        if t == Ty::R && self.retarget == Some(r) {
            let last = self.ops.len() - 1;
            if let Op::MulII(d, a, b) = self.ops[last] {
                self.ops[last] = Op::MulIIt(d, a, b);
                return Some(r);
            }
        }
        match t {
            Ty::I => Some(r),
            Ty::R => Some(self.emit_to(|d| Op::TruncI(d, r))),
            Ty::B => None,
        }
    }

    /// A value converted as storing it into a variable of type `want` converts it.
    pub(super) fn convert(&mut self, (r, t): (Reg, Ty), want: Ty) -> Option<Reg> {
        if (t, want) == (Ty::R, Ty::I) && self.retarget == Some(r) {
            // an integer sum, difference or product stored as an Integer: one op
            let last = self.ops.len() - 1;
            let fused = match self.ops[last] {
                Op::AddII(d, a, b) => Some(Op::AddIIi(d, a, b)),
                Op::SubII(d, a, b) => Some(Op::SubIIi(d, a, b)),
                Op::MulII(d, a, b) => Some(Op::MulIIi(d, a, b)),
                _ => None,
            };
            if let Some(op) = fused {
                self.ops[last] = op;
                return Some(r);
            }
        }
        match (t, want) {
            _ if t == want => Some(r),
            (Ty::I, Ty::R) => Some(self.emit_to(|d| Op::IToR(d, r))),
            (Ty::R, Ty::I) => Some(self.emit_to(|d| Op::RoundI(d, r))),
            _ => None,
        }
    }

    /// Stores a value into local `s` (converted to its type; an untyped local takes
    /// the value's own type, which must be its register's).
    pub(super) fn store(&mut self, s: u32, v: (Reg, Ty)) -> Option<()> {
        if self.is_untyped(s) {
            let (dst, _) = self.untyped_store(s, v.1)?;
            self.store_to(dst, v.1, v)?;
            self.untyped_stored(s);
            return Some(());
        }
        let (dst, want) = self.local(s)?;
        self.written[s as usize] = true;
        self.store_to(dst, want, v)
    }

    /// Moves `v` into register `dst` of type `want`, converting as a store does.
    fn store_to(&mut self, dst: Reg, want: Ty, v: (Reg, Ty)) -> Option<()> {
        let (r, t) = v;
        if self.retarget == Some(r) {
            let last = self.ops.len() - 1;
            let op = self.ops[last];
            let fused = match (t == want, op) {
                (true, op) => with_dst(op, dst),
                (false, Op::AddII(_, a, b)) if want == Ty::I => Some(Op::AddIIi(dst, a, b)),
                (false, Op::SubII(_, a, b)) if want == Ty::I => Some(Op::SubIIi(dst, a, b)),
                (false, Op::MulII(_, a, b)) if want == Ty::I => Some(Op::MulIIi(dst, a, b)),
                _ => None,
            };
            if let Some(op) = fused {
                self.ops[last] = op;
                self.retarget = None;
                return Some(());
            }
        }
        match (t, want) {
            _ if t == want => self.emit(Op::Mov(dst, r)),
            (Ty::I, Ty::R) => self.emit(Op::IToR(dst, r)),
            (Ty::R, Ty::I) => self.emit(Op::RoundI(dst, r)),
            _ => return None,
        };
        Some(())
    }

    // ------------------------------------------------------------ expressions

    pub(super) fn expr(&mut self, e: &Expr) -> Option<(Reg, Ty)> {
        match e {
            Expr::Const(Value::Int(i)) => Some((self.constant(*i as u32 as u64), Ty::I)),
            Expr::Const(Value::Real(x)) => Some((self.constant(x.to_bits()), Ty::R)),
            Expr::Const(Value::Bool(b)) => Some((self.constant(*b as u64), Ty::B)),
            Expr::Local(s) => self.read_local(*s, false),
            Expr::Element(b, i) => {
                if let Some(byte) = self.blob_load(b, i) {
                    return byte;
                }
                let (arr, ty) = self.array(b)?;
                let (idx, real) = self.index(i)?;
                let d = self.emit_to(|d| Op::LdElem { d, arr, idx, real });
                Some((d, ty))
            }
            Expr::Binary(op, a, b) => {
                let x = self.operand(*op, a)?;
                let y = self.operand(*op, b)?;
                self.binary(*op, x, y)
            }
            Expr::Unary(op, a) => {
                let (r, t) = self.expr(a)?;
                match (op, t) {
                    (UnaryOp::Plus, Ty::I | Ty::R) => Some((r, t)),
                    (UnaryOp::Neg, Ty::I) => Some((self.emit_to(|d| Op::NegI(d, r)), Ty::I)),
                    (UnaryOp::Neg, Ty::R) => Some((self.emit_to(|d| Op::NegR(d, r)), Ty::R)),
                    _ => None,
                }
            }
            Expr::AndAnd(a, b) | Expr::OrOr(a, b) => {
                let and = matches!(e, Expr::AndAnd(..));
                let ra = self.bool_expr(a)?;
                let t = self.temp();
                self.emit(Op::Mov(t, ra));
                let j = self.emit(if and {
                    Op::JmpIfNot(t, PATCH)
                } else {
                    Op::JmpIf(t, PATCH)
                });
                let rb = self.bool_expr(b)?;
                self.emit(Op::Mov(t, rb));
                self.patch(&[j]);
                Some((t, Ty::B))
            }
            Expr::Ternary(c, a, b) => {
                let f = self.branch_false(c)?;
                let t = self.temp();
                let (ra, ta) = self.expr(a)?;
                self.emit(Op::Mov(t, ra));
                let j = self.emit(Op::Jmp(PATCH));
                self.patch(&f);
                let (rb, tb) = self.expr(b)?;
                if ta != tb {
                    return None;
                }
                self.emit(Op::Mov(t, rb));
                self.patch(&[j]);
                Some((t, ta))
            }
            Expr::Method(call) => {
                let (r, t) = self.call(call)?;
                Some((r, t?))
            }
            Expr::Cmd(call) if call.plain() => self.pure_command(call),
            Expr::Member(o, name) => self.prop_read(o, name, Ty::R),
            _ => None,
        }
    }

    /// An operand of binary operator `op`.
    fn operand(&mut self, op: BinOp, e: &Expr) -> Option<(Reg, Ty)> {
        self.value_for(e, super::untyped::widening_safe(op))
    }

    /// `e`, whose value is used where an integral Real gives the same as an Integer
    /// (`exact`: an operand, a converted argument), see `untyped::widening_safe`.
    fn value_for(&mut self, e: &Expr, exact: bool) -> Option<(Reg, Ty)> {
        match e {
            Expr::Local(s) => self.read_local(*s, exact),
            e => self.expr(e),
        }
    }

    /// `Mod` and the one-number math commands (`commands::math::pure_numeric`):
    /// Real results of Real arguments.
    fn pure_command(&mut self, call: &CmdCall) -> Option<(Reg, Ty)> {
        match (call.cmd.name, &call.args[..]) {
            ("Not", [Arg::Val(a)]) => {
                let x = self.bool_expr(a)?;
                let f = self.constant(0);
                Some((self.emit_to(|d| Op::EqB(d, x, f)), Ty::B))
            }
            ("Mod", [Arg::Val(a), Arg::Val(b)]) => {
                let x = self.real_operand(a)?;
                let y = self.real_operand(b)?;
                Some((self.emit_to(|d| Op::ModCmd(d, x, y)), Ty::R))
            }
            (name, [Arg::Val(a)]) => {
                let f = Math1::by_name(name)?;
                let x = self.real_operand(a)?;
                Some((self.emit_to(|d| Op::Math1(f, d, x)), Ty::R))
            }
            _ => None,
        }
    }

    /// A numeric expression as a Real register.
    pub(super) fn real_operand(&mut self, e: &Expr) -> Option<Reg> {
        let v = self.expr(e)?;
        self.as_real(v)
    }

    /// A real constant with an integral value, as an Integer constant when the other
    /// operand is an Integer. 4D's number literals are reals, but with an Integer
    /// operand an integral real gives the same result in every binary operator
    /// (`ops`: integer sums and products are computed as reals, `%` and the bit
    /// operators truncate, comparisons of integral values never fall within the
    /// epsilon), and Integer operations are cheaper. Only as an operand: `-0` or a
    /// stored `0` must stay a real.
    pub(super) fn integral(&mut self, v: (Reg, Ty), other: Ty) -> (Reg, Ty) {
        if v.1 != Ty::R || other != Ty::I {
            return v;
        }
        let Some(&(_, bits)) = self.consts.iter().find(|(c, _)| *c == v.0) else {
            return v;
        };
        let x = f64::from_bits(bits);
        if (x as i32 as f64).to_bits() != bits {
            return v;
        }
        (self.constant(x as i32 as u32 as u64), Ty::I)
    }

    pub(super) fn binary(&mut self, op: BinOp, x: (Reg, Ty), y: (Reg, Ty)) -> Option<(Reg, Ty)> {
        use BinOp::*;
        use Ty::*;
        let x = self.integral(x, y.1);
        let y = self.integral(y, x.1);
        let (a, b) = (x.0, y.0);
        Some(match (op, x.1, y.1) {
            (Add, I, I) => (self.emit_to(|d| Op::AddII(d, a, b)), R),
            (Sub, I, I) => (self.emit_to(|d| Op::SubII(d, a, b)), R),
            (Mul, I, I) => (self.emit_to(|d| Op::MulII(d, a, b)), R),
            (Add | Sub | Mul | Div | Pow | IntDiv, I | R, I | R) => {
                let a = self.as_real(x)?;
                let b = self.as_real(y)?;
                let f: fn(Reg, Reg, Reg) -> Op = match op {
                    Add => Op::AddR,
                    Sub => Op::SubR,
                    Mul => Op::MulR,
                    Div => Op::DivR,
                    Pow => Op::PowR,
                    _ => Op::IDivR,
                };
                (self.emit_to(|d| f(d, a, b)), R)
            }
            (Mod, I | R, I) if self.const_int(b).is_some_and(|k| k != 0) => {
                let a = self.as_int_trunc(x)?;
                let k = self.const_int(b)?.unsigned_abs();
                // two registers of their own: the reciprocal, then the divisor
                let m = self.temp();
                let dv = self.temp();
                self.consts.push((m, (u64::MAX / k as u64).wrapping_add(1)));
                self.consts.push((dv, k as u64));
                (self.emit_to(|d| Op::ModIC(d, a, m)), I)
            }
            (Mod | And | Or | BitXor, I | R, I | R) => {
                let a = self.as_int_trunc(x)?;
                let b = self.as_int_trunc(y)?;
                let f: fn(Reg, Reg, Reg) -> Op = match op {
                    Mod => Op::ModI,
                    And => Op::AndI,
                    Or => Op::OrI,
                    _ => Op::XorI,
                };
                (self.emit_to(|d| f(d, a, b)), I)
            }
            (Eq | Ne | Lt | Gt | Le | Ge, I, I) => (self.emit_to(|d| Op::CmpI(op, d, a, b)), B),
            (Eq | Ne | Lt | Gt | Le | Ge, I | R, I | R) => {
                let a = self.as_real(x)?;
                let b = self.as_real(y)?;
                (self.emit_to(|d| Op::CmpR(op, d, a, b)), B)
            }
            (And, B, B) => (self.emit_to(|d| Op::AndB(d, a, b)), B),
            (Or, B, B) => (self.emit_to(|d| Op::OrB(d, a, b)), B),
            (Eq, B, B) => (self.emit_to(|d| Op::EqB(d, a, b)), B),
            (Ne, B, B) => (self.emit_to(|d| Op::NeB(d, a, b)), B),
            _ => return None,
        })
    }

    /// Compiles a condition; returns the jumps taken when it is false.
    pub(super) fn branch_false(&mut self, c: &Expr) -> Option<Vec<usize>> {
        use BinOp::*;
        match c {
            Expr::Binary(op @ (Eq | Ne | Lt | Gt | Le | Ge), a, b) => {
                let x = self.operand(*op, a)?;
                let y = self.operand(*op, b)?;
                let x = self.integral(x, y.1);
                let y = self.integral(y, x.1);
                match (x.1, y.1) {
                    (Ty::I, Ty::I) => Some(vec![self.emit(Op::BrI(*op, x.0, y.0, PATCH))]),
                    (Ty::B, _) | (_, Ty::B) => {
                        let (r, _) = self.binary(*op, x, y)?;
                        Some(vec![self.emit(Op::JmpIfNot(r, PATCH))])
                    }
                    _ => {
                        let a = self.as_real(x)?;
                        let b = self.as_real(y)?;
                        Some(vec![self.emit(Op::BrR(*op, a, b, PATCH))])
                    }
                }
            }
            Expr::AndAnd(a, b) => {
                let mut f = self.branch_false(a)?;
                f.extend(self.branch_false(b)?);
                Some(f)
            }
            c => {
                let r = self.bool_expr(c)?;
                Some(vec![self.emit(Op::JmpIfNot(r, PATCH))])
            }
        }
    }

    /// A call to a project method that qualifies: its result register and type
    /// (`None`: the method has no result).
    pub(super) fn call(&mut self, call: &MethodCall) -> Option<(Reg, Option<Ty>)> {
        let callee = self.prog.method(call.id)?;
        if !callee.compiled || callee.formula.is_some() || callee.class.is_some() {
            return None;
        }
        let own = call.id == self.id && !self.region;
        let code = if own {
            None
        } else {
            // code using objects needs the tree-walker's `This` and object locals
            Some(method_code(self.prog, self.cache, call.id).filter(|c| c.objs.is_empty())?)
        };
        let (params, result) = signature(callee)?;
        if call.args.len() > params.len() {
            return None;
        }
        let mut args = Vec::with_capacity(call.args.len());
        for (a, &(_, pt)) in call.args.iter().zip(&params) {
            // converted to the parameter's type: an integral Real gives the same
            let v = self.value_for(a, pt != Ty::B)?;
            args.push(self.convert(v, pt)?);
        }
        let site = self.calls.len() as u32;
        self.calls.push(CallSite {
            method: call.id,
            code,
            args,
            params: params.iter().map(|p| p.0).collect(),
            result: result.map(|r| r.0),
            pos: call.pos,
        });
        let d = self.emit_to(|d| Op::Call(site, d));
        Some((d, result.map(|r| r.1)))
    }
}

/// `op` writing `d` instead of its destination; `None` for an op that writes no
/// register (every op is named: a new op must say which it is).
pub(super) fn with_dst(op: Op, d: Reg) -> Option<Op> {
    use Op::*;
    Some(match op {
        Mov(_, a) => Mov(d, a),
        IToR(_, a) => IToR(d, a),
        RoundI(_, a) => RoundI(d, a),
        TruncI(_, a) => TruncI(d, a),
        AddII(_, a, b) => AddII(d, a, b),
        SubII(_, a, b) => SubII(d, a, b),
        MulII(_, a, b) => MulII(d, a, b),
        AddIIi(_, a, b) => AddIIi(d, a, b),
        SubIIi(_, a, b) => SubIIi(d, a, b),
        MulIIi(_, a, b) => MulIIi(d, a, b),
        AddR(_, a, b) => AddR(d, a, b),
        SubR(_, a, b) => SubR(d, a, b),
        MulR(_, a, b) => MulR(d, a, b),
        DivR(_, a, b) => DivR(d, a, b),
        PowR(_, a, b) => PowR(d, a, b),
        IDivR(_, a, b) => IDivR(d, a, b),
        ModI(_, a, b) => ModI(d, a, b),
        ModIC(_, a, m) => ModIC(d, a, m),
        ModCmd(_, a, b) => ModCmd(d, a, b),
        Math1(f, _, a) => Math1(f, d, a),
        MulIIt(_, a, b) => MulIIt(d, a, b),
        AndI(_, a, b) => AndI(d, a, b),
        OrI(_, a, b) => OrI(d, a, b),
        XorI(_, a, b) => XorI(d, a, b),
        NegI(_, a) => NegI(d, a),
        NegR(_, a) => NegR(d, a),
        CmpI(o, _, a, b) => CmpI(o, d, a, b),
        CmpR(o, _, a, b) => CmpR(o, d, a, b),
        AndB(_, a, b) => AndB(d, a, b),
        OrB(_, a, b) => OrB(d, a, b),
        EqB(_, a, b) => EqB(d, a, b),
        NeB(_, a, b) => NeB(d, a, b),
        Call(s, _) => Call(s, d),
        LdElem { arr, idx, real, .. } => LdElem { d, arr, idx, real },
        LdByte {
            blob, idx, real, ..
        } => LdByte { d, blob, idx, real },
        LdProp {
            obj,
            site,
            ty,
            resume,
            ..
        } => LdProp {
            d,
            obj,
            site,
            ty,
            resume,
        },
        Jmp(_)
        | Loop(_)
        | JmpIf(..)
        | JmpIfNot(..)
        | BrI(..)
        | BrR(..)
        | ForTestI { .. }
        | ForTestR { .. }
        | ForR { .. }
        | ForI { .. }
        | ForTestV { .. }
        | ForV { .. }
        | StElem { .. }
        | StColl { .. }
        | StByte { .. }
        | StProp { .. }
        | Ret
        | RetMethod => return None,
    })
}
