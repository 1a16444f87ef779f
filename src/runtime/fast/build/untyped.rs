//! Untyped locals in compiled loops (module `runtime::fast`, "Untyped locals"): the
//! register type each one gets, when it may be read, and what its stores emit.

use super::{Builder, Ty};
use crate::compile::ir::Expr;
use crate::runtime::fast::{Entry, Op, Reg, UntypedLocal};
use crate::syntax::ast::BinOp;

/// What the builder knows of one untyped local while compiling a loop.
#[derive(Debug, Clone)]
pub(super) struct Spec {
    pub entry: Entry,
    /// The register type: the entry's, or the first store's (`None` until then).
    pub ty: Option<Ty>,
    /// A store that runs on every pass, before what is compiled next, has been
    /// compiled.
    pub assigned: bool,
    pub stored: bool,
    pub read: bool,
    pub flag: Option<Reg>,
}

impl Spec {
    /// `hint`: the register type an earlier attempt found it needs.
    pub fn new(entry: Entry, hint: Option<Ty>) -> Spec {
        let ty = match entry {
            Entry::Holds(t) => Some(hint.unwrap_or(t)),
            Entry::Undefined => hint,
        };
        Spec {
            entry,
            ty,
            assigned: false,
            stored: false,
            read: false,
            flag: None,
        }
    }

    /// The entry value is an Integer read as a Real register.
    fn widened(&self) -> bool {
        self.entry == Entry::Holds(Ty::I) && self.ty == Some(Ty::R)
    }
}

/// Operators whose result, value and type, is the same for an integral Real operand
/// as for an Integer one (`ops::int_op` against `ops::real_op`).
pub(super) fn widening_safe(op: BinOp) -> bool {
    use BinOp::*;
    matches!(
        op,
        Add | Sub
            | Mul
            | Div
            | Pow
            | IntDiv
            | Mod
            | And
            | Or
            | BitXor
            | Eq
            | Ne
            | Lt
            | Gt
            | Le
            | Ge
    )
}

/// The tree-walker gives `e`'s value a type known before it runs (the type the
/// builder computes): not so for `\`, an Integer when its result is integral
/// (`ops::int_or_real`), nor for what passes that on (a sign, a `? :`).
pub(super) fn type_is_static(e: &Expr) -> bool {
    match e {
        Expr::Binary(BinOp::IntDiv, ..) => false,
        Expr::Unary(_, a) => type_is_static(a),
        Expr::Ternary(_, a, b) => type_is_static(a) && type_is_static(b),
        _ => true,
    }
}

impl Builder<'_> {
    fn spec(&mut self, s: u32) -> Option<&mut Spec> {
        self.untyped.get_mut(s as usize)?.as_mut()
    }

    /// Local `s` is untyped and compiled code may use it.
    pub(super) fn is_untyped(&self, s: u32) -> bool {
        matches!(self.untyped.get(s as usize), Some(Some(_)))
    }

    /// A read of untyped local `s`; `operand`: as an operand of a
    /// [`widening_safe`] operator.
    pub(super) fn untyped_read(&mut self, s: u32, operand: bool) -> Option<(Reg, Ty)> {
        let sp = self.spec(s)?;
        let defined = sp.assigned || matches!(sp.entry, Entry::Holds(_));
        // an Integer read as a Real is exact as an operand only, unless a store that
        // runs on every pass came first (the register then holds what the variable does)
        if !defined || (sp.widened() && !operand && !sp.assigned) {
            return None;
        }
        sp.read = true;
        Some((s, sp.ty?))
    }

    /// The register and type a store of a value of type `t` into untyped local `s`
    /// writes (the caller emits the move); `None`: not compiled (then
    /// [`Builder::restart`] may name a better register type).
    pub(super) fn untyped_store(&mut self, s: u32, t: Ty) -> Option<(Reg, Ty)> {
        let depth = self.depth;
        let sp = self.spec(s)?;
        match sp.ty {
            None if depth == 0 => sp.ty = Some(t),
            None => return None, // may not run: reads after it could see Undefined
            Some(ty) if ty == t => {}
            Some(Ty::I) if t == Ty::R && sp.entry == Entry::Holds(Ty::I) => {
                self.restart = Some((s, Ty::R));
                return None;
            }
            Some(_) => return None,
        }
        sp.stored = true;
        if depth == 0 {
            sp.assigned = true;
        }
        Some((s, t))
    }

    /// After a store into untyped local `s`: sets its flag when it needs one.
    pub(super) fn untyped_stored(&mut self, s: u32) {
        let Some(sp) = self.untyped.get(s as usize).and_then(|x| x.as_ref()) else {
            return;
        };
        if matches!((sp.entry, sp.ty), (Entry::Holds(e), Some(t)) if e == t) {
            return;
        }
        let flag = match sp.flag {
            Some(f) => f,
            None => {
                let f = self.temp();
                if let Some(sp) = self.spec(s) {
                    sp.flag = Some(f);
                }
                f
            }
        };
        let one = self.constant(1);
        self.emit(Op::Mov(flag, one));
    }

    /// The untyped locals the code uses (`FastCode::untyped`).
    pub(super) fn untyped_locals(&self) -> Vec<UntypedLocal> {
        (self.untyped.iter().enumerate())
            .filter_map(|(s, sp)| {
                let sp = sp.as_ref()?;
                if !sp.read && !sp.stored {
                    return None;
                }
                Some(UntypedLocal {
                    slot: s as Reg,
                    entry: sp.entry,
                    ty: sp.ty?,
                    stored: sp.stored,
                    flag: sp.flag,
                })
            })
            .collect()
    }
}
