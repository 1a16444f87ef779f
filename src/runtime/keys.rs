//! Interned property names: objects built at run time (`New object`) share one
//! `Rc<str>` per short name instead of each holding a copy, and a property read
//! through the same name finds it by address before comparing bytes.
//!
//! The compiler interns the property names written in the code (`$o.name`,
//! `This.name:=`, object literal keys) with [`program_key`], in a table of the
//! thread; [`Keys::intern`] hands out those same names, so an object built by
//! `New object("price"; ...)` and the read `$o.price` share one address.

use super::value::FxBuild;
use std::collections::HashSet;
use std::rc::Rc;

/// Names longer than this are not interned.
const MAX_LEN: usize = 32;
/// At most this many names are interned (the rest are allocated each time).
const MAX_NAMES: usize = 4096;
/// Slots of the cache of recently interned texts.
const RECENT: usize = 32;

thread_local! {
    /// The property names of the programs compiled on this thread.
    static PROGRAM: std::cell::RefCell<HashSet<Rc<str>, FxBuild>> =
        std::cell::RefCell::new(HashSet::default());
}

/// The shared name equal to `k` for a property name written in code (a new one when
/// `k` is long or the thread's table is full).
pub fn program_key(k: &str) -> Rc<str> {
    if k.len() > MAX_LEN {
        return Rc::from(k);
    }
    PROGRAM.with(|p| {
        let mut p = p.borrow_mut();
        if let Some(r) = p.get(k) {
            return r.clone();
        }
        let r: Rc<str> = Rc::from(k);
        if p.len() < MAX_NAMES * 4 {
            p.insert(r.clone());
        }
        r
    })
}

/// The name [`program_key`] gave for `k`, if any.
fn program_key_of(k: &str) -> Option<Rc<str>> {
    PROGRAM.with(|p| p.borrow().get(k).cloned())
}

/// The interned names of an interpreter.
pub struct Keys {
    names: HashSet<Rc<str>, FxBuild>,
    /// Texts recently interned, by address (a slot holds its text, so the address
    /// cannot be reused while the slot is filled): the arguments of a `New object`
    /// in a loop are the same constant texts every time.
    recent: [Option<(Rc<String>, Rc<str>)>; RECENT],
}

impl Default for Keys {
    fn default() -> Keys {
        Keys {
            names: HashSet::default(),
            recent: std::array::from_fn(|_| None),
        }
    }
}

impl Keys {
    /// The shared name equal to `k` (a new one when `k` is long or the table full).
    pub fn intern(&mut self, k: &str) -> Rc<str> {
        if let Some(r) = self.names.get(k) {
            return r.clone();
        }
        if k.len() > MAX_LEN {
            return Rc::from(k);
        }
        if self.names.len() >= MAX_NAMES {
            return Rc::from(k);
        }
        let r: Rc<str> = program_key_of(k).unwrap_or_else(|| Rc::from(k));
        self.names.insert(r.clone());
        r
    }

    /// [`Keys::intern`] for a text value, remembering the text's address.
    #[inline]
    pub fn intern_text(&mut self, t: &Rc<String>) -> Rc<str> {
        let slot = (Rc::as_ptr(t) as usize >> 4) % RECENT;
        if let Some((s, k)) = &self.recent[slot] {
            if Rc::ptr_eq(s, t) {
                return k.clone();
            }
        }
        self.intern_new_text(t, slot)
    }

    #[inline(never)]
    fn intern_new_text(&mut self, t: &Rc<String>, slot: usize) -> Rc<str> {
        let k = self.intern(t);
        if t.len() <= MAX_LEN {
            self.recent[slot] = Some((t.clone(), k.clone()));
        }
        k
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn equal_names_are_shared() {
        let mut keys = Keys::default();
        let a = keys.intern("value");
        let b = keys.intern(&String::from("value"));
        assert!(Rc::ptr_eq(&a, &b));
        assert!(!Rc::ptr_eq(&a, &keys.intern("Value")));
    }

    #[test]
    fn texts_are_interned_by_content_and_cached_by_address() {
        let mut keys = Keys::default();
        let t1 = Rc::new(String::from("id"));
        let t2 = Rc::new(String::from("id"));
        let k1 = keys.intern_text(&t1);
        assert_eq!(&*k1, "id");
        assert!(Rc::ptr_eq(&k1, &keys.intern_text(&t1)));
        assert!(Rc::ptr_eq(&k1, &keys.intern_text(&t2)));
        // the cache keeps its text alive: a text later allocated at a reused address
        // cannot be mistaken for it
        drop(t1);
        let t3 = Rc::new(String::from("other"));
        assert_eq!(&*keys.intern_text(&t3), "other");
    }

    #[test]
    fn long_names_are_not_interned() {
        let mut keys = Keys::default();
        let long = "x".repeat(MAX_LEN + 1);
        let a = keys.intern(&long);
        let b = keys.intern(&long);
        assert_eq!(a, b);
        assert!(!Rc::ptr_eq(&a, &b));
        let t = Rc::new(long.clone());
        assert!(!Rc::ptr_eq(&keys.intern_text(&t), &keys.intern_text(&t)));
    }
}
