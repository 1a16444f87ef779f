//! Runs [`FastCode`]: one frame of raw 64-bit registers per call on a register
//! stack, a `match` per instruction, calls by native recursion.

use super::{FastCode, Op, Reg, Ty};
use crate::runtime::error::{codes, rt_error, Loc, RtError};
use crate::runtime::numeric::mod_reals;
use crate::runtime::ops::{int_or_real_f64, real_cmp, to_i32};
use crate::runtime::value::real_to_int;
use crate::runtime::value::{Obj, Value};
use crate::syntax::ast::BinOp;
use std::sync::atomic::{AtomicBool, Ordering};

/// How compiled code ended without error.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum End {
    /// The method returned / the loop ended.
    Done,
    /// A loop ran `return`: its method returns.
    MethodReturn,
    /// A whole method met a property it cannot hold in a register (`Op::LdProp`):
    /// the tree-walker goes on from this top-level statement of the method, with the
    /// locals as the code left them.
    Resume(u16),
}

pub struct Vm<'a> {
    pub regs: &'a mut Vec<u64>,
    /// The elements of the arrays of the running loop (`FastCode::arrays`), then of
    /// its collections (`FastCode::colls`), borrowed for the whole run (compiled code
    /// touches nothing else).
    pub arrays: &'a mut [&'a mut Vec<Value>],
    /// The bytes of the BLOBs of the running loop (`FastCode::blobs`).
    pub blobs: &'a mut [&'a mut Vec<u8>],
    /// The objects of a whole method (`FastCode::objs`).
    pub objs: &'a [Obj],
    pub interrupt: Option<&'a AtomicBool>,
    /// Calls made so far inside compiled code, and how many more the call stack
    /// takes before "Stack full".
    pub depth: usize,
    pub max_depth: usize,
}

impl FastCode {
    /// Every register below `nregs`, every jump inside the code, every call site's
    /// registers inside the caller's and the callee's frames: what [`Vm::run`]
    /// relies on to index registers without bounds checks.
    pub fn valid(&self) -> bool {
        let n = self.nregs;
        let len = self.ops.len() as u32;
        let r = |x: Reg| x < n;
        let ok = self.ops.iter().all(|op| {
            use Op::*;
            match *op {
                Math1(_, d, a)
                | Mov(d, a)
                | IToR(d, a)
                | RoundI(d, a)
                | TruncI(d, a)
                | NegI(d, a)
                | NegR(d, a) => r(d) && r(a),
                AddII(d, a, b)
                | SubII(d, a, b)
                | MulII(d, a, b)
                | AddIIi(d, a, b)
                | SubIIi(d, a, b)
                | MulIIi(d, a, b)
                | AddR(d, a, b)
                | SubR(d, a, b)
                | MulR(d, a, b)
                | DivR(d, a, b)
                | PowR(d, a, b)
                | IDivR(d, a, b)
                | ModI(d, a, b)
                | MulIIt(d, a, b)
                | ModCmd(d, a, b)
                | AndI(d, a, b)
                | OrI(d, a, b)
                | XorI(d, a, b)
                | CmpI(_, d, a, b)
                | CmpR(_, d, a, b)
                | AndB(d, a, b)
                | OrB(d, a, b)
                | EqB(d, a, b)
                | NeB(d, a, b) => r(d) && r(a) && r(b),
                ModIC(d, a, m) => r(d) && r(a) && r(m) && r(m + 1),
                Jmp(t) | Loop(t) => t < len,
                JmpIf(a, t) | JmpIfNot(a, t) => r(a) && t < len,
                BrI(_, a, b, t) | BrR(_, a, b, t) => r(a) && r(b) && t < len,
                ForTestI { ctr, end, exit, .. } | ForTestR { ctr, end, exit, .. } => {
                    r(ctr) && r(end) && exit < len
                }
                ForI { ctr, end, body, .. } => r(ctr) && r(end) && body < len,
                ForTestV {
                    ctr,
                    end,
                    step,
                    exit,
                    ..
                } => r(ctr) && r(end) && r(step) && exit < len,
                ForV {
                    ctr,
                    end,
                    step,
                    body,
                    ..
                } => r(ctr) && r(end) && r(step) && body < len,
                ForR {
                    ctr,
                    end,
                    step,
                    body,
                    ..
                } => r(ctr) && r(end) && r(step) && body < len,
                Call(s, d) => r(d) && (s as usize) < self.calls.len(),
                LdElem { d, arr, idx, .. } => r(d) && r(idx) && (arr as usize) < self.arrays.len(),
                StElem { arr, idx, src, .. } => {
                    r(idx) && r(src) && (arr as usize) < self.arrays.len()
                }
                LdByte { d, blob, idx, .. } => r(d) && r(idx) && (blob as usize) < self.blobs.len(),
                StByte { blob, idx, src, .. } => {
                    r(idx) && r(src) && (blob as usize) < self.blobs.len()
                }
                StColl { coll, idx, src, .. } => {
                    r(idx) && r(src) && (coll as usize) < self.colls.len()
                }
                LdProp { d, obj, site, .. } => {
                    r(d) && (obj as usize) < self.objs.len() && (site as usize) < self.props.len()
                }
                StProp { obj, site, src, .. } => {
                    r(src) && (obj as usize) < self.objs.len() && (site as usize) < self.props.len()
                }
                Ret | RetMethod => true,
            }
        });
        let calls_ok = self.calls.iter().all(|c| {
            let callee_n = c.code.as_ref().map_or(n, |c| c.nregs);
            c.args.iter().all(|&a| r(a))
                && c.params.iter().all(|&p| p < callee_n)
                && c.params.len() >= c.args.len()
                && c.result.is_none_or(|x| x < callee_n)
        });
        ok && calls_ok
            && matches!(self.ops.last(), Some(Op::Ret | Op::RetMethod))
            && self.consts.iter().all(|&(c, _)| r(c))
            && self.nslots <= n
            && self.zeroed.iter().all(|&z| r(z))
            && self.pos.len() == self.ops.len()
            && self.bounds.is_none_or(|(a, b, c)| r(a) && r(b) && r(c))
    }

    /// Prepares a frame of this code at `base`: room, zeroed locals, constants.
    #[inline]
    pub fn enter(&self, regs: &mut Vec<u64>, base: usize) {
        let top = base + self.nregs as usize;
        if regs.len() < top {
            regs.resize(top, 0);
        }
        for &r in &self.zeroed {
            regs[base + r as usize] = 0;
        }
        for &(r, bits) in &self.consts {
            regs[base + r as usize] = bits;
        }
    }
}

/// `x % k` (`i32::wrapping_rem`: the sign of `x`) for a constant `k`, given
/// `m = u64::MAX / |k| + 1` (wrapping) and `abs_k = |k|`, without a division:
/// Lemire, Kaser & Kurz, "Faster remainder by direct computation" (2019), exact
/// for every 32-bit unsigned dividend and divisor.
#[inline(always)]
pub fn rem_by_constant(x: i32, m: u64, abs_k: u64) -> i32 {
    let low = m.wrapping_mul(x.unsigned_abs() as u64);
    let r = ((low as u128 * abs_k as u128) >> 64) as u32;
    if x < 0 {
        (r as i32).wrapping_neg()
    } else {
        r as i32
    }
}

#[cold]
#[inline(never)]
fn fail(code: &FastCode, pc: usize, n: i32, msg: &str) -> Box<RtError> {
    let mut e = rt_error(n, msg);
    e.loc = Some(Loc {
        method: code.method,
        offset: code.pos[pc],
    });
    e
}

/// An element's register bits, if it holds the array's type `ty` (a typed array's
/// elements always do).
#[inline(always)]
fn elem_bits(ty: Ty, v: &Value) -> Option<u64> {
    match (ty, v) {
        (Ty::B, Value::Bool(b)) => Some(*b as u64),
        (Ty::I, Value::Int(i)) => Some(*i as u32 as u64),
        (Ty::R, Value::Real(x)) => Some(x.to_bits()),
        _ => None,
    }
}

/// Register bits of type `ty` as an element (what `set_element` stores).
#[inline(always)]
fn elem_value(ty: Ty, bits: u64) -> Value {
    match ty {
        Ty::B => Value::Bool(bits != 0),
        Ty::I => Value::Int(bits as u32 as i32),
        Ty::R => Value::Real(f64::from_bits(bits)),
    }
}

/// The tree-walker's error for element `k` of an array of `len` elements (0..len-1).
#[cold]
#[inline(never)]
fn elem_error(code: &FastCode, pc: usize, k: i64, len: usize) -> Box<RtError> {
    if k >= 0 && (k as usize) < len {
        return fail(code, pc, codes::TYPE_MISMATCH, "Unexpected array element");
    }
    fail(
        code,
        pc,
        codes::OUT_OF_RANGE,
        &format!("Array index out of range: {}", k),
    )
}

/// An element index from its register (`real`: a Real, truncated as the tree-walker
/// reads an index; else an Integer as is).
#[inline(always)]
fn elem_index(bits: u64, real: bool) -> i64 {
    if real {
        f64::from_bits(bits).trunc() as i64
    } else {
        bits as u32 as i32 as i64
    }
}

/// The tree-walker's error for a BLOB index outside the BLOB (`place::blob_byte`).
#[cold]
#[inline(never)]
fn byte_error(code: &FastCode, pc: usize, k: i64, len: usize) -> Box<RtError> {
    fail(
        code,
        pc,
        codes::OUT_OF_RANGE,
        &format!("BLOB index out of range: {} (size {})", k, len),
    )
}

/// The tree-walker's error for a negative collection index.
#[cold]
#[inline(never)]
fn coll_error(code: &FastCode, pc: usize, k: i64) -> Box<RtError> {
    fail(
        code,
        pc,
        codes::OUT_OF_RANGE,
        &format!("Collection index out of range: {}", k),
    )
}

/// The bits of property `site` of `o` as a register of type `ty`, if the object
/// holds a value of that type there (an Integer register never: numbers are stored
/// as Reals).
#[inline(always)]
fn prop_bits(o: &Obj, site: &super::PropSite, ty: Ty) -> Option<u64> {
    let m = o.try_borrow().ok()?;
    match (ty, m.get_hinted(&site.name, &site.hint)?) {
        (Ty::R, Value::Real(x)) => Some(x.to_bits()),
        (Ty::B, Value::Bool(b)) => Some(*b as u64),
        _ => None,
    }
}

/// `o.name := bits` for `Op::StProp`.
#[inline(always)]
fn store_prop(
    code: &FastCode,
    pc: usize,
    o: &Obj,
    site: u16,
    ty: Ty,
    bits: u64,
) -> Result<(), Box<RtError>> {
    let site = &code.props[site as usize];
    let v = match ty {
        Ty::R => Value::Real(f64::from_bits(bits)),
        Ty::I => Value::Real(bits as u32 as i32 as f64),
        Ty::B => Value::Bool(bits != 0),
    };
    match o.try_borrow_mut() {
        Ok(mut m) => {
            m.set_hinted(&site.name, v, &site.hint);
            Ok(())
        }
        // nothing else runs while compiled code does: no borrow can be held
        Err(_) => Err(fail(code, pc, codes::INTERNAL, "object in use")),
    }
}

#[cold]
#[inline(never)]
fn interrupted() -> Box<RtError> {
    // not catchable, as the tree-walker's check at the start of a block
    let mut e = rt_error(codes::INTERRUPTED, "Interrupted");
    e.fatal = true;
    e
}

#[inline(always)]
fn int_cmp(op: BinOp, x: i32, y: i32) -> bool {
    match op {
        BinOp::Eq => x == y,
        BinOp::Ne => x != y,
        BinOp::Lt => x < y,
        BinOp::Gt => x > y,
        BinOp::Le => x <= y,
        _ => x >= y,
    }
}

/// A `For` counter is past its end (the tree-walker's test, on reals).
#[inline(always)]
fn past(c: f64, end: f64, up: bool) -> bool {
    if up {
        c > end
    } else {
        c < end
    }
}

impl Vm<'_> {
    /// Element `k` of array `arr` as register bits (out of line: keeps the dispatch
    /// loop's registers for the common ops).
    #[inline(never)]
    fn load_elem(&self, code: &FastCode, pc: usize, arr: u32, k: i64) -> Result<u64, Box<RtError>> {
        let (Some(elems), Some(&(_, ty))) =
            (self.arrays.get(arr as usize), code.arrays.get(arr as usize))
        else {
            return Err(fail(code, pc, codes::OUT_OF_RANGE, "No array"));
        };
        match elems.get(k.max(0) as usize) {
            Some(v) if k >= 0 => match elem_bits(ty, v) {
                Some(b) => Ok(b),
                None => Err(elem_error(code, pc, k, elems.len())),
            },
            _ => Err(elem_error(code, pc, k, elems.len())),
        }
    }

    /// Stores register bits into element `k` of array `arr`.
    #[inline(never)]
    fn store_elem(
        &mut self,
        code: &FastCode,
        pc: usize,
        arr: u32,
        k: i64,
        bits: u64,
    ) -> Result<(), Box<RtError>> {
        let (Some(elems), Some(&(_, ty))) = (
            self.arrays.get_mut(arr as usize),
            code.arrays.get(arr as usize),
        ) else {
            return Err(fail(code, pc, codes::OUT_OF_RANGE, "No array"));
        };
        let n = elems.len();
        match elems.get_mut(k.max(0) as usize) {
            Some(v) if k >= 0 => {
                *v = elem_value(ty, bits);
                Ok(())
            }
            _ => Err(elem_error(code, pc, k, n)),
        }
    }

    /// Stores register bits of type `ty` into element `idx` (register bits, a Real if
    /// `real`) of collection `coll`, as `access::set_index` does.
    #[inline(never)]
    fn store_coll(
        &mut self,
        code: &FastCode,
        pc: usize,
        coll: u32,
        (idx, real): (u64, bool),
        ty: Ty,
        bits: u64,
    ) -> Result<(), Box<RtError>> {
        let k = elem_index(idx, real);
        let Some(elems) = self.arrays.get_mut(code.arrays.len() + coll as usize) else {
            return Err(fail(code, pc, codes::OUT_OF_RANGE, "No collection"));
        };
        if k < 0 {
            return Err(coll_error(code, pc, k));
        }
        let k = k as usize;
        let v = match ty {
            Ty::B => Value::Bool(bits != 0),
            Ty::I => Value::Real(bits as u32 as i32 as f64),
            Ty::R => Value::Real(f64::from_bits(bits)),
        };
        match elems.get_mut(k) {
            Some(e) => *e = v,
            None if k >= codes::MAX_SIZE => {
                return Err(fail(
                    code,
                    pc,
                    codes::NO_MEMORY,
                    &format!("Not enough memory for a collection of {} elements", k),
                ))
            }
            None => {
                elems.resize(k + 1, Value::Null);
                elems[k] = v;
            }
        }
        Ok(())
    }

    #[inline(always)]
    fn check_interrupt(&self) -> Result<(), Box<RtError>> {
        match self.interrupt {
            Some(f) if f.load(Ordering::Relaxed) => Err(interrupted()),
            _ => crate::runtime::memory::over_budget(),
        }
    }

    /// Runs `code` in the frame at `base` (prepared by [`FastCode::enter`], its
    /// parameters set).
    pub fn run(&mut self, code: &FastCode, base: usize) -> Result<End, Box<RtError>> {
        debug_assert!(code.valid() && self.regs.len() >= base + code.nregs as usize);
        let ops = &code.ops[..];
        let mut p = self.regs.as_mut_ptr().wrapping_add(base);
        let mut pc = 0usize;
        // SAFETY (for every `rd!`/`wr!` below): `code.valid()` holds (checked when the
        // code was built: every register index is below `code.nregs`), the frame
        // `base..base + nregs` lies inside `self.regs` (`enter` made room before the
        // call), and `p` is taken again after every call, the only place the
        // register vector may grow and move. Jump targets are inside `ops` (also
        // checked by `valid`), and the last op ends the code, so `pc` stays in range.
        macro_rules! rd {
            ($r:expr) => {
                unsafe { *p.add($r as usize) }
            };
        }
        macro_rules! wr {
            ($r:expr, $v:expr) => {{
                let v: u64 = $v;
                unsafe { *p.add($r as usize) = v }
            }};
        }
        macro_rules! i {
            ($r:expr) => {
                rd!($r) as u32 as i32
            };
        }
        macro_rules! f {
            ($r:expr) => {
                f64::from_bits(rd!($r))
            };
        }
        macro_rules! wi {
            ($r:expr, $v:expr) => {
                wr!($r, ($v) as u32 as u64)
            };
        }
        macro_rules! wf {
            ($r:expr, $v:expr) => {
                wr!($r, f64::to_bits($v))
            };
        }
        loop {
            let op = unsafe { *ops.get_unchecked(pc) };
            pc += 1;
            match op {
                Op::Mov(d, a) => wr!(d, rd!(a)),
                Op::IToR(d, a) => wf!(d, i!(a) as f64),
                Op::RoundI(d, a) => wi!(d, real_to_int(f!(a))),
                Op::TruncI(d, a) => wi!(d, to_i32(f!(a))),
                Op::AddII(d, a, b) => wf!(d, (i!(a) as i64 + i!(b) as i64) as f64),
                Op::SubII(d, a, b) => wf!(d, (i!(a) as i64 - i!(b) as i64) as f64),
                Op::MulII(d, a, b) => wf!(d, i!(a) as f64 * i!(b) as f64),
                // an exact sum of two 32-bit integers, rounded then wrapped: the
                // wrapping sum
                Op::AddIIi(d, a, b) => wi!(d, i!(a).wrapping_add(i!(b))),
                Op::SubIIi(d, a, b) => wi!(d, i!(a).wrapping_sub(i!(b))),
                Op::MulIIi(d, a, b) => wi!(d, real_to_int(i!(a) as f64 * i!(b) as f64)),
                Op::AddR(d, a, b) => wf!(d, f!(a) + f!(b)),
                Op::SubR(d, a, b) => wf!(d, f!(a) - f!(b)),
                Op::MulR(d, a, b) => wf!(d, f!(a) * f!(b)),
                Op::DivR(d, a, b) => wf!(d, f!(a) / f!(b)),
                Op::PowR(d, a, b) => wf!(d, f!(a).powf(f!(b))),
                Op::IDivR(d, a, b) => {
                    let y = f!(b);
                    if y == 0.0 {
                        return Err(fail(code, pc - 1, codes::DIV_ZERO, "Division by zero"));
                    }
                    wf!(d, int_or_real_f64((f!(a) / y).floor()))
                }
                Op::ModI(d, a, b) => {
                    let y = i!(b);
                    if y == 0 {
                        return Err(fail(code, pc - 1, codes::DIV_ZERO, "Division by zero"));
                    }
                    wi!(d, i!(a).wrapping_rem(y))
                }
                Op::ModIC(d, a, m) => wi!(d, rem_by_constant(i!(a), rd!(m), rd!(m + 1))),
                Op::Math1(f, d, a) => wf!(d, f.apply(f!(a))),
                Op::ModCmd(d, a, b) => match mod_reals(f!(a), f!(b)) {
                    Some(r) => wf!(d, r),
                    None => {
                        return Err(fail(code, pc - 1, codes::DIV_ZERO, "Division by zero"));
                    }
                },
                Op::MulIIt(d, a, b) => wi!(d, to_i32(i!(a) as f64 * i!(b) as f64)),
                Op::AndI(d, a, b) => wi!(d, i!(a) & i!(b)),
                Op::OrI(d, a, b) => wi!(d, i!(a) | i!(b)),
                Op::XorI(d, a, b) => wi!(d, i!(a) ^ i!(b)),
                Op::NegI(d, a) => wi!(d, i!(a).wrapping_neg()),
                Op::NegR(d, a) => wf!(d, -f!(a)),
                Op::CmpI(o, d, a, b) => wr!(d, int_cmp(o, i!(a), i!(b)) as u64),
                Op::CmpR(o, d, a, b) => wr!(d, real_cmp(o, f!(a), f!(b)) as u64),
                Op::AndB(d, a, b) => wr!(d, rd!(a) & rd!(b)),
                Op::OrB(d, a, b) => wr!(d, rd!(a) | rd!(b)),
                Op::EqB(d, a, b) => wr!(d, (rd!(a) == rd!(b)) as u64),
                Op::NeB(d, a, b) => wr!(d, (rd!(a) != rd!(b)) as u64),
                Op::Jmp(t) => pc = t as usize,
                Op::Loop(t) => {
                    self.check_interrupt()?;
                    pc = t as usize;
                }
                Op::JmpIf(a, t) => {
                    if rd!(a) != 0 {
                        pc = t as usize
                    }
                }
                Op::JmpIfNot(a, t) => {
                    if rd!(a) == 0 {
                        pc = t as usize
                    }
                }
                Op::BrI(o, a, b, t) => {
                    if !int_cmp(o, i!(a), i!(b)) {
                        pc = t as usize
                    }
                }
                Op::BrR(o, a, b, t) => {
                    if !real_cmp(o, f!(a), f!(b)) {
                        pc = t as usize
                    }
                }
                Op::ForTestI {
                    ctr,
                    end,
                    step,
                    exit,
                } => {
                    if past(i!(ctr) as f64, f!(end), step >= 0) {
                        pc = exit as usize
                    }
                }
                Op::ForTestR { ctr, end, up, exit } => {
                    if past(f!(ctr), f!(end), up) {
                        pc = exit as usize
                    }
                }
                Op::ForI {
                    ctr,
                    end,
                    step,
                    body,
                } => {
                    let c = i!(ctr).wrapping_add(step);
                    wi!(ctr, c);
                    if !past(c as f64, f!(end), step >= 0) {
                        self.check_interrupt()?;
                        pc = body as usize;
                    }
                }
                Op::ForR {
                    ctr,
                    end,
                    step,
                    up,
                    body,
                } => {
                    let c = f!(ctr) + f!(step);
                    wf!(ctr, c);
                    if !past(c, f!(end), up) {
                        self.check_interrupt()?;
                        pc = body as usize;
                    }
                }
                Op::ForTestV {
                    ctr,
                    end,
                    step,
                    real,
                    exit,
                } => {
                    let c = if real { f!(ctr) } else { i!(ctr) as f64 };
                    if past(c, f!(end), f!(step) >= 0.0) {
                        pc = exit as usize
                    }
                }
                Op::ForV {
                    ctr,
                    end,
                    step,
                    real,
                    body,
                } => {
                    let d = f!(step);
                    let c = if real {
                        let c = f!(ctr) + d;
                        wf!(ctr, c);
                        c
                    } else {
                        // exact: an i32 plus an integral step is exact in an f64
                        let c = real_to_int(i!(ctr) as f64 + d);
                        wi!(ctr, c);
                        c as f64
                    };
                    if !past(c, f!(end), d >= 0.0) {
                        self.check_interrupt()?;
                        pc = body as usize;
                    }
                }
                Op::LdElem { d, arr, idx, real } => {
                    let k = elem_index(rd!(idx), real);
                    let v = self.load_elem(code, pc - 1, arr, k)?;
                    wr!(d, v)
                }
                Op::StElem {
                    arr,
                    idx,
                    real,
                    src,
                } => {
                    let k = elem_index(rd!(idx), real);
                    self.store_elem(code, pc - 1, arr, k, rd!(src))?;
                }
                Op::LdByte { d, blob, idx, real } => {
                    let k = elem_index(rd!(idx), real);
                    let bytes = &self.blobs[blob as usize];
                    match bytes.get(k as usize) {
                        Some(&b) if k >= 0 => wi!(d, b as i32),
                        _ => return Err(byte_error(code, pc - 1, k, bytes.len())),
                    }
                }
                Op::StByte {
                    blob,
                    idx,
                    real,
                    src,
                    ty,
                } => {
                    let k = elem_index(rd!(idx), real);
                    let n = match ty {
                        Ty::R => f!(src) as i64,
                        _ => i!(src) as i64,
                    };
                    let bytes = &mut self.blobs[blob as usize];
                    let len = bytes.len();
                    match bytes.get_mut(k as usize) {
                        Some(b) if k >= 0 => *b = n as u8,
                        _ => return Err(byte_error(code, pc - 1, k, len)),
                    }
                }
                Op::StColl {
                    coll,
                    idx,
                    real,
                    src,
                    ty,
                } => {
                    // the index is converted out of line (keeps this loop's registers)
                    self.store_coll(code, pc - 1, coll, (rd!(idx), real), ty, rd!(src))?;
                }
                Op::LdProp {
                    d,
                    obj,
                    site,
                    ty,
                    resume,
                } => match prop_bits(&self.objs[obj as usize], &code.props[site as usize], ty) {
                    Some(v) => wr!(d, v),
                    None => return Ok(End::Resume(resume)),
                },
                Op::StProp { obj, site, src, ty } => {
                    store_prop(code, pc - 1, &self.objs[obj as usize], site, ty, rd!(src))?;
                }
                Op::Call(s, d) => {
                    let site = &code.calls[s as usize];
                    let callee = site.code.as_deref().unwrap_or(code);
                    if self.depth >= self.max_depth {
                        return Err(fail(code, pc - 1, codes::STACK_FULL, "Stack full"));
                    }
                    self.check_interrupt()?;
                    let nb = base + code.nregs as usize;
                    callee.enter(self.regs, nb);
                    for (&a, &prm) in site.args.iter().zip(&site.params) {
                        self.regs[nb + prm as usize] = self.regs[base + a as usize];
                    }
                    self.depth += 1;
                    let r = self.run(callee, nb);
                    self.depth -= 1;
                    p = self.regs.as_mut_ptr().wrapping_add(base);
                    if let Err(mut e) = r {
                        let offset = if site.pos == 0 {
                            code.pos[pc - 1]
                        } else {
                            site.pos
                        };
                        e.chain.push(Loc {
                            method: code.method,
                            offset,
                        });
                        return Err(e);
                    }
                    if let Some(res) = site.result {
                        wr!(d, self.regs[nb + res as usize]);
                    }
                }
                Op::Ret => return Ok(End::Done),
                Op::RetMethod => return Ok(End::MethodReturn),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::rem_by_constant;

    fn check(x: i32, k: i32) {
        let abs_k = k.unsigned_abs() as u64;
        let m = (u64::MAX / abs_k).wrapping_add(1);
        assert_eq!(rem_by_constant(x, m, abs_k), x.wrapping_rem(k), "{x} % {k}");
    }

    /// An op is copied out of the code at every step: it stays 20 bytes, the size
    /// `ForTestV`/`ForV` (four registers and a flag) give it; the property ops fit
    /// in that.
    #[test]
    fn an_op_stays_twenty_bytes() {
        assert_eq!(std::mem::size_of::<super::Op>(), 20);
    }

    #[test]
    fn remainder_by_a_constant_is_the_machine_remainder() {
        let edges = [
            i32::MIN,
            i32::MIN + 1,
            -65537,
            -7,
            -2,
            -1,
            0,
            1,
            2,
            6,
            7,
            8,
            65536,
            i32::MAX - 1,
            i32::MAX,
        ];
        for &x in &edges {
            for &k in &edges {
                if k != 0 {
                    check(x, k);
                }
            }
        }
        let mut s: u64 = 0x2545_F491_4F6C_DD1D;
        for _ in 0..200_000 {
            s ^= s << 13;
            s ^= s >> 7;
            s ^= s << 17;
            let x = s as i32;
            let k = match (s >> 32) as u32 % 3 {
                0 => ((s >> 40) as i32 % 100).max(1),
                1 => (s >> 32) as i32 | 1,
                _ => -(((s >> 45) as i32 % 1000).max(1)),
            };
            check(x, k);
        }
    }
}
