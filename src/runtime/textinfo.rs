//! Facts about a text value worth remembering between commands: whether a (long) text
//! is all ASCII, so that a UTF-16 position is its byte offset and `Position(...; start)`,
//! `Substring` or `Length` index it in O(1) instead of scanning it on every call (a loop
//! of `Position(Char(Line feed); $text; $start)` over a 2 MB text is then linear).
//!
//! The cache holds a few entries keyed by the text's allocation, each with a `Weak`
//! reference: while the entry lives the allocation cannot be freed (no other text can
//! reuse its address), and the text cannot change in place (`Rc::get_mut` refuses,
//! `Rc::make_mut` moves the text to a new allocation, which leaves the entry dead).
//! So an entry whose `Weak` is still alive describes the text exactly.

use std::cell::RefCell;
use std::rc::{Rc, Weak};

/// Texts shorter than this are scanned each time (cheaper than the cache).
const MIN_CACHED: usize = 512;
const ENTRIES: usize = 4;

thread_local! {
    static CACHE: RefCell<Cache> = RefCell::new(Cache::default());
}

#[derive(Default)]
struct Cache {
    entries: [(Weak<String>, bool); ENTRIES],
    next: usize,
}

/// Whether `t` is all ASCII (one byte = one UTF-16 unit = one character).
pub fn is_ascii(t: &Rc<String>) -> bool {
    if t.len() < MIN_CACHED {
        return t.is_ascii();
    }
    CACHE.with(|c| {
        let mut c = c.borrow_mut();
        let p = Rc::as_ptr(t);
        for (w, ascii) in c.entries.iter() {
            if std::ptr::eq(w.as_ptr(), p) && w.strong_count() > 0 {
                return *ascii;
            }
        }
        let ascii = t.is_ascii();
        let n = c.next;
        c.entries[n] = (Rc::downgrade(t), ascii);
        c.next = (n + 1) % ENTRIES;
        ascii
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cached_answer_follows_changes() {
        let mut t = Rc::new("a".repeat(2000));
        assert!(is_ascii(&t));
        // an in-place change moves the text out of the cached allocation
        Rc::make_mut(&mut t).push('é');
        assert!(!is_ascii(&t));
        let u = Rc::new("é".repeat(600));
        assert!(!is_ascii(&u));
        drop(u);
        let v = Rc::new("b".repeat(1200));
        assert!(is_ascii(&v));
    }
}
