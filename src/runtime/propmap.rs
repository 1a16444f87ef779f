//! [`PropMap`], the properties of an object: names (case-sensitive) to values, in
//! insertion order.
//!
//! Most objects have a handful of properties, so a `PropMap` is a vector of
//! `(name, value)` pairs searched linearly (names are compared by length, then by
//! address, since `New object` shares interned names, then by bytes). The first
//! [`INLINE`] pairs are stored in the map itself, that is in the object's shared box:
//! an object of up to three properties is one allocation of 144 bytes (an `IndexMap`
//! took three allocations, about 290 bytes). Past [`SMALL`] properties the map also
//! keeps a hashed index (positions in the vector, hashed with [`SeededFxBuild`]:
//! property names may come from outside, e.g. JSON from a web request, so their hash
//! must not be predictable).
//!
//! The API is the subset of `IndexMap`'s that the interpreter uses, with the same
//! meaning: `insert` of an existing name replaces the value in place, and
//! `shift_remove` keeps the order of the others.

use super::value::{SeededFxBuild, Value};
use hashbrown::HashTable;
use smallvec::SmallVec;
use std::borrow::Borrow;
use std::hash::BuildHasher;
use std::rc::Rc;

/// Up to this many properties, lookups are linear (no index).
pub const SMALL: usize = 8;
/// Up to this many properties are stored inline (no allocation of their own).
pub const INLINE: usize = 3;

type Entry = (Rc<str>, Value);

/// The properties of an object, in insertion order.
#[derive(Default)]
pub struct PropMap {
    entries: SmallVec<[Entry; INLINE]>,
    /// Positions in `entries`, present only past [`SMALL`] entries.
    index: Option<Box<HashTable<u32>>>,
    /// The class of a class instance plus one (0: not an instance), set once by
    /// `runtime::oop` when `cs.X.new()` makes the object: the class of an object is
    /// read here, not looked up by address.
    class: u32,
}

/// A copy has the same properties but is no class instance (as before the class was
/// stored in the object: `OB Copy` of an instance gives a plain object).
impl Clone for PropMap {
    fn clone(&self) -> PropMap {
        PropMap {
            entries: self.entries.clone(),
            index: self.index.clone(),
            class: 0,
        }
    }
}

#[inline]
fn hash(k: &str) -> u64 {
    SeededFxBuild.hash_one(k)
}

/// Name equality: same length, then same address (shared names) or same bytes.
#[inline(always)]
fn key_eq(a: &str, b: &str) -> bool {
    a.len() == b.len() && (std::ptr::eq(a.as_ptr(), b.as_ptr()) || same_bytes(a, b))
}

/// Byte equality of two names of the same length; short names are compared here
/// rather than through a call to `memcmp`.
#[inline(always)]
fn same_bytes(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    if a.len() <= 16 {
        a.iter().zip(b).all(|(x, y)| x == y)
    } else {
        a == b
    }
}

impl PropMap {
    pub fn new() -> PropMap {
        PropMap::default()
    }

    /// An empty map with room for `n` properties.
    pub fn with_capacity(n: usize) -> PropMap {
        PropMap {
            entries: SmallVec::with_capacity(n),
            index: None,
            class: 0,
        }
    }

    /// The class tag of a class instance (class id plus one; 0: not an instance).
    #[inline]
    pub fn class_tag(&self) -> u32 {
        self.class
    }

    /// Marks the map as an instance of the class whose tag is `tag` (`runtime::oop`).
    #[inline]
    pub fn set_class_tag(&mut self, tag: u32) {
        self.class = tag;
    }

    #[inline]
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    #[inline]
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// The position of property `k`.
    #[inline]
    pub fn get_index_of<Q: Borrow<str> + ?Sized>(&self, k: &Q) -> Option<usize> {
        let k = k.borrow();
        match &self.index {
            None => self.entries.iter().position(|(n, _)| key_eq(n, k)),
            Some(t) => self.find_hashed(t, k),
        }
    }

    #[inline(never)]
    fn find_hashed(&self, t: &HashTable<u32>, k: &str) -> Option<usize> {
        t.find(hash(k), |&i| key_eq(&self.entries[i as usize].0, k))
            .map(|&i| i as usize)
    }

    #[inline]
    pub fn get<Q: Borrow<str> + ?Sized>(&self, k: &Q) -> Option<&Value> {
        let i = self.get_index_of(k)?;
        Some(&self.entries[i].1)
    }

    /// The position of property `k`, trying position `hint` first (where the same
    /// name was found last, typically in another object of the same class); `hint`
    /// is updated when the name is found elsewhere.
    #[inline(always)]
    fn index_hinted(&self, k: &str, hint: &std::cell::Cell<u32>) -> Option<usize> {
        let h = hint.get() as usize;
        if let Some((n, _)) = self.entries.get(h) {
            if key_eq(n, k) {
                return Some(h);
            }
        }
        let i = self.get_index_of(k)?;
        hint.set(i as u32);
        Some(i)
    }

    /// [`PropMap::get`] with a position hint (see `index_hinted`).
    #[inline(always)]
    pub fn get_hinted(&self, k: &str, hint: &std::cell::Cell<u32>) -> Option<&Value> {
        let i = self.index_hinted(k, hint)?;
        Some(&self.entries[i].1)
    }

    /// [`PropMap::set`] with a position hint (see `index_hinted`).
    #[inline(always)]
    pub fn set_hinted(&mut self, k: &Rc<str>, v: Value, hint: &std::cell::Cell<u32>) {
        match self.index_hinted(k, hint) {
            Some(i) => self.entries[i].1 = v,
            None => {
                hint.set(self.entries.len() as u32);
                self.push_absent(k.clone(), v)
            }
        }
    }

    #[inline]
    pub fn get_mut<Q: Borrow<str> + ?Sized>(&mut self, k: &Q) -> Option<&mut Value> {
        let i = self.get_index_of(k)?;
        Some(&mut self.entries[i].1)
    }

    pub fn contains_key<Q: Borrow<str> + ?Sized>(&self, k: &Q) -> bool {
        self.get_index_of(k).is_some()
    }

    /// Sets property `k`: an existing property keeps its position (and its name),
    /// a new one goes last. Returns the previous value.
    #[inline]
    pub fn insert(&mut self, k: Rc<str>, v: Value) -> Option<Value> {
        self.insert_inlined(k, v)
    }

    /// [`PropMap::insert`], inlined at the call site (for the hot paths: `New
    /// object`, property assignment).
    #[inline(always)]
    pub fn insert_inlined(&mut self, k: Rc<str>, v: Value) -> Option<Value> {
        match self.get_index_of(&*k) {
            Some(i) => Some(std::mem::replace(&mut self.entries[i].1, v)),
            None => {
                self.push_absent(k, v);
                None
            }
        }
    }

    /// Sets property `k` (as [`PropMap::insert`]); the name is cloned only when the
    /// property is new.
    #[inline]
    pub fn set(&mut self, k: &Rc<str>, v: Value) {
        match self.get_index_of(&**k) {
            Some(i) => self.entries[i].1 = v,
            None => self.push_absent(k.clone(), v),
        }
    }

    /// Appends a property known to be absent.
    #[inline(always)]
    fn push_absent(&mut self, k: Rc<str>, v: Value) {
        if self.index.is_none() && self.entries.len() < SMALL {
            self.entries.push((k, v));
        } else {
            self.push_indexed(k, v);
        }
    }

    /// Appends a property known to be absent to a map that has (or now needs) an
    /// index.
    #[inline(never)]
    fn push_indexed(&mut self, k: Rc<str>, v: Value) {
        let i = self.entries.len();
        match &mut self.index {
            Some(t) => {
                let entries = &self.entries;
                t.insert_unique(hash(&k), i as u32, |&j| hash(&entries[j as usize].0));
                self.entries.push((k, v));
            }
            None => {
                self.entries.push((k, v));
                self.build_index();
            }
        }
    }

    /// Builds the index over all entries.
    fn build_index(&mut self) {
        let mut t = HashTable::with_capacity(self.entries.len());
        for (i, (k, _)) in self.entries.iter().enumerate() {
            let entries = &self.entries;
            t.insert_unique(hash(k), i as u32, |&j| hash(&entries[j as usize].0));
        }
        self.index = Some(Box::new(t));
    }

    /// After entries moved: rebuilds the index, or drops it if the map became small.
    fn reindex(&mut self) {
        if self.entries.len() > SMALL {
            self.build_index();
        } else {
            self.index = None;
        }
    }

    /// Removes property `k`, keeping the order of the others (O(n)).
    pub fn shift_remove<Q: Borrow<str> + ?Sized>(&mut self, k: &Q) -> Option<Value> {
        let i = self.get_index_of(k)?;
        let (_, v) = self.entries.remove(i);
        if let Some(t) = &mut self.index {
            if self.entries.len() <= SMALL {
                self.index = None;
            } else {
                let k = k.borrow();
                let removed = t.find_entry(hash(k), |&j| j as usize == i);
                if let Ok(e) = removed {
                    e.remove();
                }
                for j in t.iter_mut() {
                    if *j as usize > i {
                        *j -= 1;
                    }
                }
            }
        }
        Some(v)
    }

    pub fn clear(&mut self) {
        self.entries.clear();
        self.index = None;
    }

    /// Keeps the properties for which `f` is true, in order.
    pub fn retain(&mut self, mut f: impl FnMut(&Rc<str>, &mut Value) -> bool) {
        let n = self.entries.len();
        self.entries.retain(|(k, v)| f(k, v));
        if self.entries.len() != n && self.index.is_some() {
            self.reindex();
        }
    }

    pub fn iter(&self) -> Iter<'_> {
        Iter(self.entries.iter())
    }

    pub fn iter_mut(&mut self) -> impl DoubleEndedIterator<Item = (&Rc<str>, &mut Value)> {
        self.entries.iter_mut().map(|(k, v)| (&*k, v))
    }

    pub fn keys(&self) -> impl DoubleEndedIterator<Item = &Rc<str>> + ExactSizeIterator + Clone {
        self.entries.iter().map(|(k, _)| k)
    }

    pub fn values(&self) -> impl DoubleEndedIterator<Item = &Value> + ExactSizeIterator + Clone {
        self.entries.iter().map(|(_, v)| v)
    }

    pub fn values_mut(&mut self) -> impl DoubleEndedIterator<Item = &mut Value> {
        self.entries.iter_mut().map(|(_, v)| v)
    }
}

/// Iterates over `(name, value)` in order.
#[derive(Clone)]
pub struct Iter<'a>(std::slice::Iter<'a, Entry>);

impl<'a> Iterator for Iter<'a> {
    type Item = (&'a Rc<str>, &'a Value);
    #[inline]
    fn next(&mut self) -> Option<Self::Item> {
        self.0.next().map(|(k, v)| (k, v))
    }
    fn size_hint(&self) -> (usize, Option<usize>) {
        self.0.size_hint()
    }
}

impl DoubleEndedIterator for Iter<'_> {
    fn next_back(&mut self) -> Option<Self::Item> {
        self.0.next_back().map(|(k, v)| (k, v))
    }
}

impl ExactSizeIterator for Iter<'_> {}

impl<'a> IntoIterator for &'a PropMap {
    type Item = (&'a Rc<str>, &'a Value);
    type IntoIter = Iter<'a>;
    fn into_iter(self) -> Iter<'a> {
        self.iter()
    }
}

impl IntoIterator for PropMap {
    type Item = (Rc<str>, Value);
    type IntoIter = smallvec::IntoIter<[Entry; INLINE]>;
    fn into_iter(self) -> Self::IntoIter {
        self.entries.into_iter()
    }
}

impl Extend<(Rc<str>, Value)> for PropMap {
    fn extend<I: IntoIterator<Item = (Rc<str>, Value)>>(&mut self, it: I) {
        for (k, v) in it {
            self.insert(k, v);
        }
    }
}

impl FromIterator<(Rc<str>, Value)> for PropMap {
    fn from_iter<I: IntoIterator<Item = (Rc<str>, Value)>>(it: I) -> PropMap {
        let mut m = PropMap::new();
        m.extend(it);
        m
    }
}

impl std::fmt::Debug for PropMap {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_map().entries(self.iter()).finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn k(s: &str) -> Rc<str> {
        Rc::from(s)
    }

    fn names(m: &PropMap) -> Vec<String> {
        m.keys().map(|k| k.to_string()).collect()
    }

    fn num(v: Option<&Value>) -> Option<f64> {
        v.and_then(Value::as_num)
    }

    /// A map with properties p0..p(n-1) set to 0..n-1.
    fn numbered(n: usize) -> PropMap {
        let mut m = PropMap::new();
        for i in 0..n {
            assert!(m
                .insert(k(&format!("p{i}")), Value::Real(i as f64))
                .is_none());
        }
        m
    }

    #[test]
    fn overwrite_keeps_position_and_returns_old_value() {
        let mut m = PropMap::new();
        m.insert(k("a"), Value::Real(1.0));
        m.insert(k("b"), Value::Real(2.0));
        m.insert(k("c"), Value::Real(3.0));
        let old = m.insert(k("b"), Value::Real(20.0));
        assert_eq!(num(old.as_ref()), Some(2.0));
        assert_eq!(names(&m), ["a", "b", "c"]);
        assert_eq!(num(m.get("b")), Some(20.0));
        assert_eq!(m.len(), 3);
    }

    #[test]
    fn names_are_case_sensitive() {
        let mut m = PropMap::new();
        m.insert(k("Name"), Value::Real(1.0));
        m.insert(k("name"), Value::Real(2.0));
        assert_eq!(m.len(), 2);
        assert_eq!(num(m.get("Name")), Some(1.0));
        assert_eq!(num(m.get("name")), Some(2.0));
        assert!(m.get("NAME").is_none());
    }

    #[test]
    fn shift_remove_keeps_order() {
        let mut m = numbered(5);
        assert_eq!(num(m.shift_remove("p1").as_ref()), Some(1.0));
        assert!(m.shift_remove("p1").is_none());
        assert_eq!(names(&m), ["p0", "p2", "p3", "p4"]);
        assert_eq!(m.get_index_of("p3"), Some(2));
        m.insert(k("p1"), Value::Null);
        assert_eq!(names(&m), ["p0", "p2", "p3", "p4", "p1"]);
    }

    #[test]
    fn growth_past_small_builds_an_index_and_keeps_lookups() {
        let n = SMALL * 4 + 3;
        let mut m = numbered(SMALL);
        assert!(m.index.is_none());
        for i in SMALL..n {
            m.insert(k(&format!("p{i}")), Value::Real(i as f64));
        }
        assert!(m.index.is_some());
        assert_eq!(m.len(), n);
        for i in 0..n {
            let name = format!("p{i}");
            assert_eq!(m.get_index_of(name.as_str()), Some(i), "{name}");
            assert_eq!(num(m.get(name.as_str())), Some(i as f64));
        }
        assert!(m.get("p999").is_none());
        assert!(!m.contains_key("P1"));
        // overwrite after growth: same position, no new entry
        m.insert(k("p3"), Value::Real(-3.0));
        assert_eq!(m.len(), n);
        assert_eq!(m.get_index_of("p3"), Some(3));
        assert_eq!(num(m.get("p3")), Some(-3.0));
        let expected: Vec<String> = (0..n).map(|i| format!("p{i}")).collect();
        assert_eq!(names(&m), expected);
    }

    #[test]
    fn remove_in_large_map_updates_positions() {
        let n = SMALL * 3;
        let mut m = numbered(n);
        m.shift_remove("p0");
        m.shift_remove("p10");
        assert_eq!(m.len(), n - 2);
        assert_eq!(m.get_index_of("p1"), Some(0));
        assert_eq!(m.get_index_of("p9"), Some(8));
        assert_eq!(m.get_index_of("p11"), Some(9));
        assert_eq!(m.get_index_of(format!("p{}", n - 1).as_str()), Some(n - 3));
        assert!(m.get("p10").is_none());
        for (i, (name, v)) in m.iter().enumerate() {
            assert_eq!(m.get_index_of(&**name), Some(i));
            assert_eq!(num(m.get(&**name)), v.as_num());
        }
        // new properties after removals still go last and are found
        m.insert(k("p10"), Value::Real(10.0));
        assert_eq!(m.get_index_of("p10"), Some(n - 2));
    }

    #[test]
    fn shrinking_below_small_drops_the_index() {
        let mut m = numbered(SMALL + 1);
        assert!(m.index.is_some());
        m.shift_remove("p4");
        assert!(m.index.is_none());
        assert_eq!(names(&m), ["p0", "p1", "p2", "p3", "p5", "p6", "p7", "p8"]);
        assert_eq!(num(m.get("p8")), Some(8.0));
    }

    #[test]
    fn retain_and_clear() {
        let mut m = numbered(SMALL * 2);
        m.retain(|_, v| v.as_num().is_some_and(|x| x as i64 % 2 == 1));
        assert_eq!(m.len(), SMALL);
        assert_eq!(m.get_index_of("p3"), Some(1));
        assert!(m.get("p2").is_none());
        m.clear();
        assert!(m.is_empty());
        assert!(m.get("p1").is_none());
        m.insert(k("x"), Value::Null);
        assert_eq!(names(&m), ["x"]);
    }

    #[test]
    fn small_objects_stay_inline_and_compact() {
        // an object's shared box (counts 16, borrow flag and map with its class tag
        // 128) stays within 144 bytes
        assert!(std::mem::size_of::<std::cell::RefCell<PropMap>>() <= 128);
        let mut m = PropMap::with_capacity(INLINE);
        for i in 0..INLINE {
            m.insert(k(&format!("p{i}")), Value::Null);
        }
        assert!(!m.entries.spilled());
        m.insert(k("more"), Value::Null);
        assert!(m.entries.spilled());
        assert_eq!(m.len(), INLINE + 1);
        assert_eq!(m.get_index_of("more"), Some(INLINE));
        assert_eq!(m.get_index_of("p0"), Some(0));
    }

    #[test]
    fn same_name_from_different_allocations_is_one_property() {
        let mut m = PropMap::new();
        m.insert(Rc::from(String::from("value").as_str()), Value::Real(1.0));
        m.insert(Rc::from(String::from("value").as_str()), Value::Real(2.0));
        assert_eq!(m.len(), 1);
        assert_eq!(num(m.get(&String::from("value"))), Some(2.0));
    }
}
