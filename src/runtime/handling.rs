//! Error handling: `ON ERR CALL` handlers, `Try` blocks and expressions, the
//! `Error...` system variables and `Last errors`
//! (`versioned_docs/version-21/Concepts/error-handling.md`).
//!
//! * An error first goes to the innermost running `Try`, unless an `ON ERR CALL`
//!   handler was installed after that `Try` began: the handler applies then.
//! * A handler runs where the error happened; when it returns, the interrupted
//!   method goes on with the next statement. An error inside a handler is not
//!   handled again: it stops the run (4D "handles it itself").
//! * A caught error sets `Error`, `Error method`, `Error line`, `Error formula`
//!   (kept until the next error) and `Last errors`; each `Try` starts with no
//!   last errors.

use super::error::RtError;
use super::interp::Interp;
use super::process::ERROR_VAR;
use super::value::{new_collection, new_object, stored, text, Value};
use std::rc::Rc;

impl<'p> Interp<'p> {
    pub(crate) fn handler_applies(&self, e: &RtError) -> bool {
        let oo = &self.oo;
        oo.handler.is_some()
            && !e.abort
            && !e.fatal
            && oo.in_handler == 0
            && oo.try_stack.last().is_none_or(|&g| oo.handler_gen > g)
    }

    /// Calls the `ON ERR CALL` method for `e`. An error in the handler stops the run.
    pub(crate) fn run_handler(&mut self, e: Box<RtError>) -> Result<(), Box<RtError>> {
        self.caught(e);
        let Some((_, id)) = self.oo.handler.clone() else {
            return Ok(());
        };
        self.oo.in_handler += 1;
        let r = self.call_method(id, Vec::new(), 0);
        self.oo.in_handler -= 1;
        match r {
            Ok(_) => Ok(()),
            Err(mut e2) => {
                e2.fatal = true;
                Err(e2)
            }
        }
    }

    /// Records a caught error: system variables and `Last errors`.
    pub(crate) fn caught(&mut self, e: Box<RtError>) {
        let (method, line, formula) = self.error_place(&e);
        let v = &mut self.process.vars;
        let base = ERROR_VAR as usize;
        v[base] = Value::Int(e.code);
        v[base + 1] = text(method);
        v[base + 2] = Value::Int(line as i32);
        v[base + 3] = text(formula);
        self.oo.last_error = Some(e);
    }

    /// The method name, line and line text where an error happened.
    pub fn error_place(&self, e: &RtError) -> (String, usize, String) {
        let Some(loc) = e.loc else {
            return (String::new(), 0, String::new());
        };
        let Some(m) = self.prog.method(loc.method) else {
            return (String::new(), 0, String::new());
        };
        let (line, _) = crate::syntax::diagnostics::line_col(&m.source, loc.offset as usize);
        let text = m
            .source
            .lines()
            .nth(line.saturating_sub(1))
            .unwrap_or("")
            .trim()
            .to_string();
        (m.name.clone(), line, text)
    }

    /// `Last errors`: a collection of `{errCode, message, componentSignature}`
    /// (plus the custom properties of a thrown object), or null.
    pub fn last_errors(&self) -> Value {
        let Some(e) = &self.oo.last_error else {
            return Value::Null;
        };
        let mut items = vec![error_object(e)];
        items.extend(e.stack.iter().map(error_object));
        Value::Collection(new_collection(items))
    }
}

fn error_object(e: &RtError) -> Value {
    let o = new_object();
    {
        let mut b = o.borrow_mut();
        b.insert(Rc::from("errCode"), Value::Real(e.code as f64));
        b.insert(Rc::from("message"), text(e.message.as_str()));
        b.insert(
            Rc::from("componentSignature"),
            text(e.signature.to_string()),
        );
        if let Some(t) = &e.object {
            for (k, v) in t.borrow().iter() {
                if !matches!(
                    &**k,
                    "errCode" | "message" | "componentSignature" | "deferred"
                ) {
                    b.insert(k.clone(), stored(v.clone()));
                }
            }
        }
    }
    Value::Object(o)
}
