//! Bytes of local BLOBs in compiled loops (`$blob{$i}`): which locals hold a BLOB
//! when the loop is compiled, and the byte loads and stores (`Op::LdByte`,
//! `Op::StByte`; `FastCode::blobs`).

use super::Builder;
use crate::compile::ir::Expr;
use crate::runtime::fast::{Op, Reg, Ty};

impl Builder<'_> {
    /// A local holding a BLOB now: its number in `FastCode::blobs` (`write`: the
    /// code writes bytes of it).
    fn blob(&mut self, e: &Expr, write: bool) -> Option<u32> {
        let Expr::Local(s) = e else { return None };
        if !self.blob_slots.get(*s as usize).copied().unwrap_or(false) {
            return None;
        }
        let n = match self.blobs.iter().position(|b| b.0 == *s) {
            Some(n) => n,
            None => {
                self.blobs.push((*s, false));
                self.blobs.len() - 1
            }
        };
        self.blobs[n].1 |= write;
        Some(n as u32)
    }

    /// `$blob{i}` read, if `b` is a local BLOB: an Integer (`None`: not a BLOB,
    /// or the index does not compile).
    pub(super) fn blob_load(&mut self, b: &Expr, i: &Expr) -> Option<Option<(Reg, Ty)>> {
        let blob = self.blob(b, false)?;
        Some(self.index(i).map(|(idx, real)| {
            let d = self.emit_to(|d| Op::LdByte { d, blob, idx, real });
            (d, Ty::I)
        }))
    }

    /// `$blob{i}:=e`, if `b` is a local BLOB (`None`: not a BLOB; `Some(None)`: a
    /// BLOB, but the statement does not compile). The value first, then the index,
    /// as the tree-walker.
    pub(super) fn blob_store(&mut self, b: &Expr, i: &Expr, e: &Expr) -> Option<Option<()>> {
        let blob = self.blob(b, true)?;
        Some((|| {
            let (src, ty) = self.expr(e)?;
            if ty == Ty::B {
                return None;
            }
            let (idx, real) = self.index(i)?;
            self.emit(Op::StByte {
                blob,
                idx,
                real,
                src,
                ty,
            });
            Some(())
        })())
    }
}
