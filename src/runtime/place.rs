//! Places and pointers: reading, writing and pointing to variables, elements,
//! properties and characters.

use super::error::{codes, err, RtResult};
use super::eval::ParamLoc;
use super::interp::*;
use super::value::{stored, text, ElemRef, Ptr, Value, VarType};
use crate::compile::ir::*;
use std::rc::Rc;

impl<'p> Interp<'p> {
    /// Makes a pointer to a place.
    pub fn make_pointer(&mut self, p: &'p Place) -> RtResult<Ptr> {
        let prog = self.prog;
        Ok(match p {
            Place::Local(s) => {
                let m = self.current_method();
                let name = m
                    .and_then(|m| m.slot_names.get(*s as usize))
                    .cloned()
                    .unwrap_or_else(|| Rc::from("$?"));
                let _ = prog;
                Ptr::Local {
                    abs: (self.base + *s as usize) as u32,
                    name,
                }
            }
            Place::Process(id) => Ptr::Process(*id),
            Place::Inter(id) => Ptr::Inter(*id),
            Place::Param(n) => {
                let k = self.eval_num(n)? as i64;
                match self.param_location(k)? {
                    ParamLoc::Slot(abs) => Ptr::Local {
                        abs: abs as u32,
                        name: Rc::from(format!("${}", k)),
                    },
                    ParamLoc::Vararg(_) => {
                        return err(codes::UNSUPPORTED, "Pointer to an undeclared parameter")
                    }
                }
            }
            Place::Element(b, i) => {
                let base = self.eval_raw(b)?;
                let i = self.eval_num(i)?;
                let array = as_array(&base)?;
                Ptr::Element(ElemRef {
                    array,
                    index: i.trunc() as i32,
                })
            }
            Place::Deref(p) => {
                let pv = self.eval(p)?;
                (*as_ptr(&pv)?).clone()
            }
            Place::Member(..) | Place::Index(..) | Place::CharAt(..) => {
                return err(
                    codes::UNSUPPORTED,
                    "A pointer can only point to a variable, an array or an element",
                )
            }
        })
    }

    /// What a pointer points to (arrays stay arrays).
    pub fn deref_raw(&self, p: &Ptr) -> RtResult<Value> {
        match p {
            Ptr::Nil => err(codes::NIL_POINTER, "Nil pointer"),
            Ptr::Local { abs, .. } => match self.locals.get(*abs as usize) {
                Some(v) => Ok(v.clone()),
                None => err(
                    codes::NIL_POINTER,
                    "Invalid pointer (the variable no longer exists)",
                ),
            },
            Ptr::Process(id) => Ok(self
                .process
                .vars
                .get(*id as usize)
                .cloned()
                .unwrap_or_default()),
            Ptr::Inter(id) => Ok(self.inter.get(*id as usize).cloned().unwrap_or_default()),
            Ptr::Element(e) => {
                let a = e.array.borrow();
                match a.elems.get(e.index.max(0) as usize) {
                    Some(v) if e.index >= 0 => Ok(v.clone()),
                    _ => err(
                        codes::OUT_OF_RANGE,
                        format!("Array index out of range: {}", e.index),
                    ),
                }
            }
            Ptr::Field(t, f) => self.db.field_get(*t, *f),
            Ptr::Table(_) => err(codes::TYPE_MISMATCH, "A table is not a value"),
        }
    }

    /// Stores through a pointer, with the conversions of the target's type.
    pub fn store_ptr(&mut self, p: &Ptr, v: Value) -> RtResult<()> {
        match p {
            Ptr::Nil => err(codes::NIL_POINTER, "Nil pointer"),
            Ptr::Local { abs, .. } => {
                if (*abs as usize) < self.locals.len() {
                    self.store_local(*abs as usize, v)
                } else {
                    err(
                        codes::NIL_POINTER,
                        "Invalid pointer (the variable no longer exists)",
                    )
                }
            }
            Ptr::Process(id) => {
                let ty = self.process.types[*id as usize];
                store_var(&mut self.process.vars[*id as usize], ty, v)
            }
            Ptr::Inter(id) => {
                let ty = self.inter_types[*id as usize];
                store_var(&mut self.inter[*id as usize], ty, v)
            }
            Ptr::Element(e) => set_element(&e.array, e.index as f64, v),
            Ptr::Field(t, f) => self.db.field_set(*t, *f, v),
            Ptr::Table(_) => err(codes::BAD_ASSIGN, "Cannot assign a value to a table"),
        }
    }

    /// Replaces what a variable pointer designates without conversion (used by the
    /// array declaration commands).
    pub fn set_raw(&mut self, p: &Ptr, v: Value) -> RtResult<()> {
        let slot = match p {
            Ptr::Local { abs, .. } => self.locals.get_mut(*abs as usize),
            Ptr::Process(id) => self.process.vars.get_mut(*id as usize),
            Ptr::Inter(id) => self.inter.get_mut(*id as usize),
            Ptr::Element(e) => {
                let mut a = e.array.borrow_mut();
                if e.index < 0 || e.index as usize >= a.elems.len() {
                    return err(codes::OUT_OF_RANGE, "Array index out of range");
                }
                a.elems[e.index as usize] = v;
                return Ok(());
            }
            Ptr::Field(t, f) => return self.db.field_set(*t, *f, v),
            Ptr::Nil | Ptr::Table(_) => None,
        };
        match slot {
            Some(s) => {
                *s = v;
                Ok(())
            }
            None => err(codes::NIL_POINTER, "Nil pointer"),
        }
    }

    /// The declared type of the variable a pointer designates.
    pub fn ptr_type(&self, p: &Ptr) -> VarType {
        match p {
            Ptr::Local { abs, .. } => self.ltypes.get(*abs as usize).copied().unwrap_or_default(),
            Ptr::Process(id) => self
                .process
                .types
                .get(*id as usize)
                .copied()
                .unwrap_or_default(),
            Ptr::Inter(id) => self
                .inter_types
                .get(*id as usize)
                .copied()
                .unwrap_or_default(),
            Ptr::Element(e) => e.array.borrow().elem,
            Ptr::Field(t, f) => self.db.field_var_type(*t, *f),
            Ptr::Nil | Ptr::Table(_) => VarType::Undeclared,
        }
    }

    /// `$blob{i}:=v`: writes byte `i` (0-based, within the BLOB's size) of the
    /// BLOB held by the variable `b`, keeping the low 8 bits of `v`.
    fn set_blob_byte(&mut self, b: &'p Expr, bytes: Rc<Vec<u8>>, i: f64, v: Value) -> RtResult<()> {
        let idx = i.trunc() as i64;
        if idx < 0 || idx as usize >= bytes.len() {
            return err(
                codes::OUT_OF_RANGE,
                format!("BLOB index out of range: {} (size {})", idx, bytes.len()),
            );
        }
        let n = v.as_num().unwrap_or(0.0) as i64;
        let ptr = match b {
            Expr::Local(s) => Ptr::Local {
                abs: (self.base + *s as usize) as u32,
                name: Rc::from("$blob"),
            },
            Expr::Process(id) => Ptr::Process(*id),
            Expr::Inter(id) => Ptr::Inter(*id),
            Expr::Deref(p) => {
                let pv = self.eval(p)?;
                (*as_ptr(&pv)?).clone()
            }
            _ => {
                return err(
                    codes::UNSUPPORTED,
                    "A BLOB byte can only be written in a BLOB variable",
                )
            }
        };
        drop(v);
        let mut bytes = bytes;
        // the variable keeps one reference: take it out so the bytes are not copied
        self.set_raw(&ptr, Value::Undefined)?;
        Rc::make_mut(&mut bytes)[idx as usize] = n as u8;
        self.set_raw(&ptr, Value::Blob(bytes))
    }

    pub(crate) fn store_local(&mut self, abs: usize, v: Value) -> RtResult<()> {
        let ty = self.ltypes[abs];
        store_var(&mut self.locals[abs], ty, v)
    }

    pub(crate) fn read_place(&mut self, p: &'p Place) -> RtResult<Value> {
        match p {
            Place::Local(s) => Ok(read_var(&self.locals[self.base + *s as usize])),
            Place::Process(id) => Ok(read_var(&self.process.vars[*id as usize])),
            Place::Inter(id) => Ok(read_var(&self.inter[*id as usize])),
            Place::Param(n) => {
                let k = self.eval_num(n)? as i64;
                Ok(read_var(&self.param_value(k)?))
            }
            Place::Element(b, i) => {
                let base = self.eval_raw(b)?;
                let i = self.eval_num(i)?;
                if let Value::Blob(bytes) = &base {
                    return blob_byte(bytes, i);
                }
                let arr = as_array(&base)?;
                let a = arr.borrow();
                let idx = i.trunc() as i64;
                match a.elems.get(idx.max(0) as usize) {
                    Some(v) if idx >= 0 => Ok(read_var(v)),
                    _ => err(
                        codes::OUT_OF_RANGE,
                        format!("Array index out of range: {}", idx),
                    ),
                }
            }
            Place::Deref(p) => {
                let pv = self.eval(p)?;
                let ptr = as_ptr(&pv)?;
                Ok(read_var(&self.deref_raw(&ptr)?))
            }
            Place::Member(o, name) => {
                let ov = match &**o {
                    // `This.x:=...`: `This` without a call of `eval`
                    Expr::This => self.this(),
                    _ => self.eval(o)?,
                };
                self.read_member(&ov, name)
            }
            Place::Index(o, i) => {
                let ov = self.eval(o)?;
                let iv = self.eval(i)?;
                get_index(&ov, &iv)
            }
            Place::CharAt(t, i) => {
                let tv = self.read_place(t)?;
                let i = self.eval_num(i)?;
                char_of(tv, i)
            }
        }
    }

    /// `This.name:=v` where `This` is an instance of a class without computed
    /// properties (up its chain) and nothing is shared: stored where `This` is, as
    /// `access::set_prop` stores (no copy of the handle, no metadata look-up).
    /// `Err(v)`: anything else (a plain object, `Undefined` stored, a setter...), which
    /// the general path handles.
    #[inline]
    fn store_this_in_place(&mut self, name: &Rc<str>, v: Value) -> Result<(), Value> {
        if matches!(v, Value::Undefined) || super::scheduler::any_shared(self) {
            return Err(v);
        }
        let Some(Value::Object(o)) = self.frames.last().map(|f| &f.this) else {
            return Err(v);
        };
        let Ok(mut m) = o.try_borrow_mut() else {
            return Err(v);
        };
        match m.class_tag() {
            0 => Err(v),
            c if self.oo.has_accessors(c - 1) => Err(v),
            _ => {
                m.set(name, stored(v));
                Ok(())
            }
        }
    }

    pub fn assign(&mut self, p: &'p Place, v: Value) -> RtResult<()> {
        match p {
            Place::Local(s) => self.store_local(self.base + *s as usize, v),
            Place::Process(id) => {
                let ty = self.process.types[*id as usize];
                store_var(&mut self.process.vars[*id as usize], ty, v)
            }
            Place::Inter(id) => {
                let ty = self.inter_types[*id as usize];
                store_var(&mut self.inter[*id as usize], ty, v)
            }
            Place::Param(n) => {
                let k = self.eval_num(n)? as i64;
                match self.param_location(k)? {
                    ParamLoc::Slot(abs) => self.store_local(abs, v),
                    ParamLoc::Vararg(i) => {
                        // 4D's largest parameter number (found by fuzzing, #9)
                        if k > crate::syntax::names::MAX_PARAM as i64 {
                            return err(
                                codes::OUT_OF_RANGE,
                                format!("Parameter ${} out of range", k),
                            );
                        }
                        if let Some(f) = self.frames.last_mut() {
                            if f.varargs.len() <= i {
                                f.varargs.resize(i + 1, Value::Undefined);
                            }
                            f.varargs[i] = v;
                        }
                        Ok(())
                    }
                }
            }
            Place::Element(b, i) if self.local_array(b).is_some() => {
                // `$a{$i}:=v` on a local array: stored in place
                let abs = self.local_array(b).unwrap_or_default();
                let i = self.eval_num(i)?;
                match &self.locals[abs] {
                    Value::Array(arr) => set_element(arr, i, v),
                    other => as_array(other).map(|_| ()),
                }
            }
            Place::Element(b, i) => {
                let base = self.eval_raw(b)?;
                let i = self.eval_num(i)?;
                if let Value::Blob(bytes) = base {
                    return self.set_blob_byte(b, bytes, i, v);
                }
                let arr = as_array(&base)?;
                set_element(&arr, i, v)
            }
            Place::Deref(p) => {
                let pv = self.eval(p)?;
                let ptr = as_ptr(&pv)?;
                self.store_ptr(&ptr, v)
            }
            Place::Member(o, name) => {
                let v = match **o {
                    Expr::This => match self.store_this_in_place(name, v) {
                        Ok(()) => return Ok(()),
                        Err(v) => v,
                    },
                    _ => v,
                };
                let ov = self.eval(o)?;
                let v = super::scheduler::prepare_store(self, &ov, v)?;
                if let Value::Object(o) = &ov {
                    if self.oo.any() && self.member_store(o, name, &v)? {
                        return Ok(());
                    }
                }
                set_prop(&ov, name, v)
            }
            Place::Index(o, i) => {
                let ov = self.eval(o)?;
                let iv = self.eval(i)?;
                let v = super::scheduler::prepare_store(self, &ov, v)?;
                set_index(&ov, &iv, v)
            }
            Place::CharAt(t, i) => {
                let tv = self.read_place(t)?;
                let i = self.eval_num(i)?;
                let s = match tv {
                    Value::Text(s) => s,
                    v => {
                        return err(
                            codes::TYPE_MISMATCH,
                            format!("[[ ]] applies to text, got {}", v.type_name()),
                        )
                    }
                };
                let c = match &v {
                    Value::Text(c) => c.clone(),
                    v => {
                        return err(
                            codes::TYPE_MISMATCH,
                            format!("[[ ]]: a character expected, got {}", v.type_name()),
                        )
                    }
                };
                let new = set_char_at(&s, i, &c)?;
                self.assign(t, text(new))
            }
        }
    }
}

/// `$blob{i}`: byte `i` (0-based) of a BLOB, as a number.
pub(crate) fn blob_byte(bytes: &[u8], i: f64) -> RtResult<Value> {
    let idx = i.trunc() as i64;
    match bytes.get(idx.max(0) as usize) {
        Some(b) if idx >= 0 => Ok(Value::Int(*b as i32)),
        _ => err(
            codes::OUT_OF_RANGE,
            format!("BLOB index out of range: {} (size {})", idx, bytes.len()),
        ),
    }
}
