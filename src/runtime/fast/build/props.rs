//! Properties of objects in whole compiled methods: `This.x`, `$p.x` read
//! (`Op::LdProp`) and `This.x := v` (`Op::StProp`), the body of a typical class
//! function (`translate`, `dot`, a getter, a constructor).
//!
//! A property's value has no static type. A read is compiled for the type its use
//! asks for (a Boolean in a condition or a logical operator, or stored into a
//! Boolean; a Real anywhere else, numbers being stored in objects as Reals) and
//! checked when it runs. When the object holds something else there (no such
//! property, `Undefined`, a text...), compiled code stops and the tree-walker runs
//! the method on, with the locals as the code left them, from the top-level
//! statement being run, which must have done nothing yet: so reads are compiled only
//! where a top-level statement (not a `Repeat`, not a group of statements) has made
//! no change yet, outside any branch or loop of it; everything compiled code does
//! before them in that statement (arithmetic, calls of compiled methods) changes
//! nothing and gives the same when the tree-walker does it again. A `While`
//! condition qualifies: the tree-walker resumes by testing it, as the loop would.
//!
//! A store is compiled anywhere in the method; the method is entered only when
//! `This` is a class instance without computed properties and nothing is shared,
//! the conditions of the tree-walker's `store_this_in_place`, which cannot change
//! while compiled code runs.

use super::Builder;
use crate::compile::ir::{Expr, Stmt, StmtKind};
use crate::runtime::fast::{ObjSrc, Op, PropSite, Reg, Ty};
use crate::runtime::value::VarType;
use crate::syntax::ast::BinOp;
use std::rc::Rc;

/// The tree-walker could run a method on from top-level statement `s`, had `s` done
/// nothing yet.
pub(super) fn resumable(s: &Stmt) -> bool {
    !matches!(s.kind, StmtKind::Repeat(..) | StmtKind::Seq(_))
}

impl Builder<'_> {
    /// `e` for a use wanting type `want` (a property read is compiled for it).
    pub(super) fn expr_to(&mut self, e: &Expr, want: Option<Ty>) -> Option<(Reg, Ty)> {
        match e {
            Expr::Member(o, name) => {
                let ty = if want == Some(Ty::B) { Ty::B } else { Ty::R };
                self.prop_read(o, name, ty)
            }
            e => self.expr(e),
        }
    }

    /// `e` as a Boolean register (a condition, an operand of `&`, `|`, `Not`).
    pub(super) fn bool_expr(&mut self, e: &Expr) -> Option<Reg> {
        match self.expr_to(e, Some(Ty::B))? {
            (r, Ty::B) => Some(r),
            _ => None,
        }
    }

    /// `o.name` read into a register of type `ty`.
    pub(super) fn prop_read(&mut self, o: &Expr, name: &Rc<str>, ty: Ty) -> Option<(Reg, Ty)> {
        let resume = self.resume_point()?;
        let obj = self.obj(o)?;
        let site = self.prop_site(name)?;
        let d = self.emit_to(|d| Op::LdProp {
            d,
            obj,
            site,
            ty,
            resume,
        });
        Some((d, ty))
    }

    /// `This.name := e`.
    pub(super) fn prop_store(&mut self, o: &Expr, name: &Rc<str>, e: &Expr) -> Option<()> {
        let v = self.expr_to(e, None)?;
        self.prop_write(o, name, v)
    }

    /// `This.name += e` (and the other compound operators): read, operate, store.
    pub(super) fn prop_compound(
        &mut self,
        o: &Expr,
        name: &Rc<str>,
        op: BinOp,
        e: &Expr,
    ) -> Option<()> {
        let x = self.prop_read(o, name, Ty::R)?;
        let y = self.expr(e)?;
        let v = self.binary(op, x, y)?;
        self.prop_write(o, name, v)
    }

    fn prop_write(&mut self, o: &Expr, name: &Rc<str>, (src, ty): (Reg, Ty)) -> Option<()> {
        if self.region || !matches!(o, Expr::This) {
            return None;
        }
        let obj = self.obj(o)?;
        let site = self.prop_site(name)?;
        self.stores_this = true;
        self.emit(Op::StProp { obj, site, src, ty });
        Some(())
    }

    /// The top-level statement a read may resume at, if it may be compiled here.
    fn resume_point(&self) -> Option<u16> {
        if self.region || self.depth != 0 || !self.loops.is_empty() {
            return None;
        }
        self.resume
    }

    /// The number of object `o` in `FastCode::objs`.
    fn obj(&mut self, o: &Expr) -> Option<u16> {
        let src = match o {
            Expr::This => ObjSrc::This,
            Expr::Local(s) if self.m.slot_types.get(*s as usize) == Some(&VarType::Object) => {
                ObjSrc::Local(*s)
            }
            _ => return None,
        };
        let n = match self.objs.iter().position(|&x| x == src) {
            Some(n) => n,
            None => {
                self.objs.push(src);
                self.objs.len() - 1
            }
        };
        u16::try_from(n).ok()
    }

    /// A new entry of `FastCode::props`.
    fn prop_site(&mut self, name: &Rc<str>) -> Option<u16> {
        let n = u16::try_from(self.props.len()).ok()?;
        self.props.push(PropSite {
            name: name.clone(),
            hint: Default::default(),
        });
        Some(n)
    }
}
