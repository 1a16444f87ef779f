//! Keys, hash and layout of the built-in name tables.
//!
//! The tables of built-in names (the names pass's phrases, commands and
//! constants by name) are laid out at compile time by `build.rs`, which includes
//! this file as a module: the same key spelling, hash and probing are used to
//! build them and to look them up, and nothing is built at start-up.
//!
//! A table ([`KeyTable`]) is open-addressed with linear probing: `slots` has a
//! power-of-two length, each slot holding 0 (empty) or 1 + the index of an entry
//! in a dense array of entries. It is kept at most half full.
//!
//! This file must not refer to the rest of the crate (`build.rs` compiles it on
//! its own).

/// Lower case with single spaces between words (the names pass's phrase keys).
pub fn normalize(phrase: &str) -> String {
    let mut out = String::with_capacity(phrase.len());
    normalize_into(phrase, &mut out);
    out
}

/// [`normalize`] into a buffer (cleared first), to look up without allocating.
pub fn normalize_into(phrase: &str, out: &mut String) {
    out.clear();
    for word in phrase.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        if word.is_ascii() {
            out.extend(word.bytes().map(|b| b.to_ascii_lowercase() as char));
        } else {
            out.extend(word.chars().flat_map(char::to_lowercase));
        }
    }
}

/// Each word lower-cased (`str::to_lowercase`), joined by single spaces: the key
/// of commands and constants by name.
#[allow(dead_code)] // build.rs and tests
pub fn lower(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    lower_into(s, &mut out);
    out
}

/// [`lower`] into a buffer (cleared first).
pub fn lower_into(s: &str, out: &mut String) {
    out.clear();
    for word in s.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        if word.is_ascii() {
            out.extend(word.bytes().map(|b| b.to_ascii_lowercase() as char));
        } else {
            out.push_str(&word.to_lowercase());
        }
    }
}

const K: u64 = 0x51_7c_c1_b7_27_22_0a_95;

/// The hash of a key: the "Fx" multiply-rotate, 8 bytes at a time.
#[inline]
pub fn hash(key: &str) -> u64 {
    let bytes = key.as_bytes();
    let mut h = bytes.len() as u64;
    let mut chunks = bytes.chunks_exact(8);
    for c in &mut chunks {
        let mut w = [0u8; 8];
        w.copy_from_slice(c);
        h = (h.rotate_left(5) ^ u64::from_le_bytes(w)).wrapping_mul(K);
    }
    let rest = chunks.remainder();
    if !rest.is_empty() {
        let mut w = [0u8; 8];
        w[..rest.len()].copy_from_slice(rest);
        h = (h.rotate_left(5) ^ u64::from_le_bytes(w)).wrapping_mul(K);
    }
    h
}

/// The first slot to probe for a hash (the high bits are the well-mixed ones).
#[inline]
pub fn home(hash: u64, slot_count: usize) -> usize {
    (hash >> 32) as usize & (slot_count - 1)
}

/// A static table from keys to small values, laid out by `build.rs`. The keys
/// are slices of one text (no pointer per key: nothing for the loader to
/// relocate at start-up).
pub struct KeyTable {
    /// Every key, end to end.
    pub keys: &'static str,
    /// `(offset of the key in keys, its length, value)`.
    pub entries: &'static [(u32, u16, u16)],
    /// Open-addressed slots: 0 (empty) or 1 + an index in `entries`.
    pub slots: &'static [u16],
}

impl KeyTable {
    /// The value for `key`, whose hash is `hash`.
    #[inline]
    pub fn get(&self, key: &str, hash: u64) -> Option<u16> {
        let keys = self.keys.as_bytes();
        let mask = self.slots.len() - 1;
        let mut i = home(hash, self.slots.len());
        loop {
            let s = self.slots[i];
            if s == 0 {
                return None;
            }
            let (offset, len, value) = self.entries[s as usize - 1];
            let offset = offset as usize;
            if keys.get(offset..offset + len as usize) == Some(key.as_bytes()) {
                return Some(value);
            }
            i = (i + 1) & mask;
        }
    }

    /// [`KeyTable::get`], hashing the key.
    #[inline]
    pub fn lookup(&self, key: &str) -> Option<u16> {
        self.get(key, hash(key))
    }

    /// Every `(key, value)`, in the order they were laid out.
    #[cfg(test)]
    pub fn iter(&self) -> impl Iterator<Item = (&'static str, u16)> + '_ {
        self.entries.iter().map(|&(offset, len, value)| {
            let offset = offset as usize;
            (&self.keys[offset..offset + len as usize], value)
        })
    }
}

/// The slots for distinct keys (used by `build.rs`) (entry `i` has key `keys[i]`), at most half full.
#[allow(dead_code)]
pub fn layout(keys: &[&str]) -> Vec<u16> {
    assert!(
        keys.len() < u16::MAX as usize,
        "too many keys for u16 slots"
    );
    let count = (keys.len() * 2).next_power_of_two().max(16);
    let mut slots = vec![0u16; count];
    for (index, key) in keys.iter().enumerate() {
        let mut i = home(hash(key), count);
        while slots[i] != 0 {
            assert!(keys[slots[i] as usize - 1] != *key, "duplicate key {key}");
            i = (i + 1) & (count - 1);
        }
        slots[i] = index as u16 + 1;
    }
    slots
}
