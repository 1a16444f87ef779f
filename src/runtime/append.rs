//! `$t:=$t+x`, `$t+=x` and `$t:=$t+x+y+...` on a local (`StmtKind::AppendLocal`):
//! when the local holds a text and every operand is a text, the operands are appended
//! to the local's own buffer (no copy of `$t`: building a text line by line stays
//! linear, as in 4D). Otherwise the chain is folded left to right as written,
//! `(($t+x)+y)...`, and stored.
//!
//! The operands are evaluated in order before the local is read; an operand that
//! mentions the local itself (`$t:=$t+"-"+$t`) sees its value from before the
//! statement, since nothing is appended until every operand is known. An operand that
//! is not a text stops the in-place path: the texts gathered so far are joined to the
//! local's value and the rest of the chain is folded with the ordinary `+`, so an error
//! (`Text + Real`) is the one the written expression raises and leaves the local as it
//! was.

use super::access::read_var;
use super::error::{codes, err, RtResult};
use super::interp::Interp;
use super::ops;
use super::value::Value;
use crate::compile::ir::Expr;
use crate::syntax::ast::BinOp;
use std::rc::Rc;

impl<'p> Interp<'p> {
    pub(super) fn append_local(&mut self, slot: u32, es: &'p [Expr]) -> RtResult<()> {
        let abs = self.base + slot as usize;
        if !matches!(self.locals[abs], Value::Text(_)) {
            return self.fold_local(abs, None, es);
        }
        if let [e] = es {
            // `$t:=$t+x`: no list of parts
            let v = self.eval(e)?;
            let Value::Text(r) = &v else {
                let joined = self.joined(abs, &[])?;
                let acc = ops::binary(BinOp::Add, joined, v)?;
                return self.store_local(abs, acc);
            };
            return self.push_texts(abs, r.len(), std::slice::from_ref(&v));
        }
        let mut parts: Vec<Value> = Vec::with_capacity(es.len());
        for (i, e) in es.iter().enumerate() {
            let v = self.eval(e)?;
            if !matches!(v, Value::Text(_)) {
                // not a text: the written `+` chain from here on
                let joined = self.joined(abs, &parts)?;
                let acc = ops::binary(BinOp::Add, joined, v)?;
                return self.fold_local(abs, Some(acc), &es[i + 1..]);
            }
            parts.push(v);
        }
        let add: usize = parts.iter().map(text_len).sum();
        self.push_texts(abs, add, &parts)
    }

    /// Appends the texts `parts` (`add` bytes in all) to the local's text in place.
    fn push_texts(&mut self, abs: usize, add: usize, parts: &[Value]) -> RtResult<()> {
        let Value::Text(s) = &mut self.locals[abs] else {
            // an operand changed the local's type (through a pointer): fold it
            let joined = self.joined(abs, parts)?;
            return self.store_local(abs, joined);
        };
        if s.len() + add > codes::MAX_SIZE {
            return err(
                codes::NO_MEMORY,
                "Not enough memory: the text would be too long",
            );
        }
        if s.capacity() < s.len() + add {
            super::memory::reserve(s.len() + add)?;
        }
        let buf = Rc::make_mut(s);
        for p in parts {
            if let Value::Text(r) = p {
                buf.push_str(r);
            }
        }
        Ok(())
    }

    /// The local's text followed by the texts `parts`, as a new value.
    fn joined(&self, abs: usize, parts: &[Value]) -> RtResult<Value> {
        let mut acc = read_var(&self.locals[abs]);
        for p in parts {
            acc = ops::binary(BinOp::Add, acc, p.clone())?;
        }
        Ok(acc)
    }

    /// `acc` (else the local's value) `+ e1 + e2...`, stored into the local.
    fn fold_local(&mut self, abs: usize, acc: Option<Value>, es: &'p [Expr]) -> RtResult<()> {
        let mut acc = match acc {
            Some(v) => v,
            None => read_var(&self.locals[abs]),
        };
        for e in es {
            let v = self.eval(e)?;
            acc = match ops::binary_num(BinOp::Add, &acc, &v) {
                Some(r) => r?,
                None => ops::binary(BinOp::Add, acc, v)?,
            };
        }
        self.store_local(abs, acc)
    }
}

fn text_len(v: &Value) -> usize {
    match v {
        Value::Text(t) => t.len(),
        _ => 0,
    }
}
