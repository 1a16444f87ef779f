//! Running code compiled at run time (`compile::dynamic`): `EXECUTE FORMULA($text)`
//! and `Formula from string($text)`, and [`Interp::method`], the one way to reach a
//! method by id (program methods and methods compiled at run time alike).

use super::error::{codes, err, rt_error, RtResult};
use super::interp::Interp;
use super::value::Value;
use crate::compile::dynamic::{self, Kind};
use crate::compile::ir::{Method, MethodId};

impl<'p> Interp<'p> {
    /// Method `id`, whether the program has it or it was compiled at run time.
    #[inline]
    pub fn method(&self, id: MethodId) -> Option<&'p Method> {
        self.prog.method(id)
    }

    /// Gives this process's storage the process and interprocess variables that
    /// code compiled at run time introduced (at their type's default value).
    pub fn grow_vars(&mut self) {
        let prog = self.prog;
        while self.process.vars.len() < dynamic::process_var_count(prog) {
            let ty = dynamic::var_info(prog, self.process.vars.len(), false)
                .map(|v| v.ty)
                .unwrap_or_default();
            self.process.vars.push(ty.default_value());
            self.process.types.push(ty);
        }
        while let Some(v) = dynamic::var_info(prog, self.inter.len(), true) {
            self.inter.push(v.ty.default_value());
            self.inter_types.push(v.ty);
        }
    }

    fn compile_text(&mut self, kind: Kind, text: &str) -> RtResult<(MethodId, MethodId)> {
        let Some(caller) = self.frames.last().map(|f| f.method) else {
            return err(codes::BAD_FORMULA_TEXT, "No current method");
        };
        let id = dynamic::compile(self.prog, kind, caller, self.cur_pos, text)
            .map_err(|m| rt_error(codes::BAD_FORMULA_TEXT, m.to_string()))?;
        self.grow_vars();
        Ok((caller, id))
    }

    /// `EXECUTE FORMULA(text)` with a text computed at run time: runs it in the
    /// current method's frame (its local variables and parameters). An empty text
    /// does nothing.
    pub fn execute_text(&mut self, text: &str) -> RtResult<()> {
        if text.trim().is_empty() {
            return Ok(());
        }
        let (caller, id) = self.compile_text(Kind::Execute, text)?;
        let Some(m) = self.method(id) else {
            return err(codes::UNKNOWN_NAME, "Unknown method");
        };
        let n = self.method(caller).map_or(0, |c| c.slot_names.len());
        let top = self.base + n;
        if self.locals.len() < top {
            return err(codes::BAD_FORMULA_TEXT, "EXECUTE FORMULA: no local frame");
        }
        // the text's own new locals go right after the caller's slots
        let tail = self.locals.split_off(top);
        let tail_types = self.ltypes.split_off(top);
        let extra = m.slot_types.get(n..).unwrap_or(&[]);
        self.locals.extend(extra.iter().map(|t| t.default_value()));
        self.ltypes.extend_from_slice(extra);
        // the text's statements have the offset of this EXECUTE FORMULA in the
        // caller (`compile::dynamic::compile`): errors are located here
        let r = self.exec_block(&m.body);
        self.locals.truncate(top);
        self.ltypes.truncate(top);
        self.locals.extend(tail);
        self.ltypes.extend(tail_types);
        r.map(|_| ())
    }

    /// `Formula from string(text)` with a text computed at run time.
    pub fn formula_from_text(&mut self, text: &str) -> RtResult<Value> {
        let (_, id) = self.compile_text(Kind::Formula, text)?;
        Ok(self.make_formula(id))
    }
}
