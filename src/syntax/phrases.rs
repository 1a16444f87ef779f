//! The names pass's table of known multi-word phrases (`Current date`, `End if`,
//! `Is integer 64 bits`, a project's `[Friends and Relatives]`).
//!
//! Keys are lower case with single spaces between words. With each phrase the
//! table knows its proper word-prefixes (`is integer`...), so that the names pass
//! can stop reading words as soon as no known phrase goes on.
//!
//! The built-in phrases (keywords, command and constant names) are a static
//! table laid out by `build.rs`: nothing is built at start-up. A project's own
//! names go into a small table of its own, over the static one.

use super::name_keys::{self, KeyTable};
use super::token::Kw;

/// What a known multi-word phrase is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Phrase {
    Keyword(Kw),
    Name,
}

// `PHRASES`: the built-in phrases (keywords, command and constant names,
// localized constant names) and their word-prefixes, laid out by `build.rs`.
include!(concat!(env!("OUT_DIR"), "/phrase_table.rs"));

/// Phrase codes (`build.rs`): bit 0 set for a word-prefix of a known phrase;
/// `code >> 1` is 0 (not a phrase), [`NAME`] or 2 + an index in `Kw::ALL`.
const PREFIX: u8 = 1;
const NAME: u8 = 1;

/// Known phrases, keyed by their lower-case spelling with single spaces: the
/// built-in table (static) and, over it, the project's names (methods, tables,
/// fields) that it does not have. A lookup hashes once and checks both.
#[derive(Debug, Clone, Default)]
pub struct PhraseTable {
    /// The project's phrases and prefixes with their codes.
    entries: Vec<(Box<str>, u8)>,
    /// Open-addressed slots: 0 (empty) or 1 + an index in `entries`; a power of
    /// two long (or empty), at most half full.
    slots: Vec<u32>,
}

/// The code of a phrase in the built-in table (0: unknown).
fn builtin_code(phrase: &str, hash: u64) -> u8 {
    PHRASES.get(phrase, hash).map_or(0, |code| code as u8)
}

impl PhraseTable {
    /// The code of `phrase` (normalized): built-in and project codes combined.
    fn code(&self, phrase: &str) -> u8 {
        let hash = name_keys::hash(phrase);
        let builtin = builtin_code(phrase, hash);
        if self.entries.is_empty() {
            return builtin;
        }
        builtin
            | self
                .project_slot(phrase, hash)
                .map_or(0, |i| self.entries[i].1)
    }

    /// The index in `entries` of a project phrase.
    fn project_slot(&self, phrase: &str, hash: u64) -> Option<usize> {
        if self.slots.is_empty() {
            return None;
        }
        let mask = self.slots.len() - 1;
        let mut i = name_keys::home(hash, self.slots.len());
        loop {
            let s = self.slots[i];
            if s == 0 {
                return None;
            }
            let index = s as usize - 1;
            if &*self.entries[index].0 == phrase {
                return Some(index);
            }
            i = (i + 1) & mask;
        }
    }

    /// Adds `bits` to the project code of `key`, adding the key when new.
    fn add_code(&mut self, key: &str, hash: u64, bits: u8) {
        if let Some(i) = self.project_slot(key, hash) {
            self.entries[i].1 |= bits;
            return;
        }
        if (self.entries.len() + 1) * 2 > self.slots.len() {
            self.grow();
        }
        self.entries.push((key.into(), bits));
        let index = self.entries.len() as u32;
        self.place(hash, index);
    }

    fn place(&mut self, hash: u64, index: u32) {
        let mask = self.slots.len() - 1;
        let mut i = name_keys::home(hash, self.slots.len());
        while self.slots[i] != 0 {
            i = (i + 1) & mask;
        }
        self.slots[i] = index;
    }

    fn grow(&mut self) {
        let count = (self.slots.len() * 2).max(64);
        self.slots = vec![0; count];
        for index in 0..self.entries.len() {
            let hash = name_keys::hash(&self.entries[index].0);
            self.place(hash, index as u32 + 1);
        }
    }

    /// Adds a project name (a method, table or field): its word-prefixes, and
    /// the name itself unless the built-in table knows it already.
    fn insert(&mut self, name: &str) {
        let normal = name_keys::normalize(name);
        if !normal.contains(' ') {
            return; // single words need no table
        }
        let mut end = 0;
        while let Some(pos) = normal[end..].find(' ') {
            end += pos;
            let prefix = &normal[..end];
            let hash = name_keys::hash(prefix);
            if builtin_code(prefix, hash) & PREFIX == 0 {
                self.add_code(prefix, hash, PREFIX);
            }
            end += 1;
        }
        let hash = name_keys::hash(&normal);
        if builtin_code(&normal, hash) >> 1 == 0 {
            self.add_code(&normal, hash, NAME << 1);
        }
    }

    /// The phrase `phrase` (normalized) is, and whether it is the word-prefix of
    /// a longer one.
    pub(super) fn lookup(&self, phrase: &str) -> (Option<Phrase>, bool) {
        let code = self.code(phrase);
        let kind = match code >> 1 {
            0 => None,
            NAME => Some(Phrase::Name),
            k => Some(Phrase::Keyword(Kw::ALL[k as usize - 2].1)),
        };
        (kind, code & PREFIX != 0)
    }

    /// The built-in phrases plus the given project names.
    pub fn with_project_names<'a>(names: impl IntoIterator<Item = &'a String>) -> PhraseTable {
        let mut table = PhraseTable::default();
        for name in names {
            table.insert(name);
        }
        table
    }

    /// The built-in phrases: keywords, command and constant names.
    pub fn builtin_table() -> &'static PhraseTable {
        static EMPTY: PhraseTable = PhraseTable {
            entries: Vec::new(),
            slots: Vec::new(),
        };
        &EMPTY
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::syntax::data;
    use std::collections::{HashMap, HashSet};

    /// The table as the names pass built it before `build.rs` did (a map of
    /// phrases and a set of prefixes, the first kind of a phrase winning).
    fn reference() -> (HashMap<String, Phrase>, HashSet<String>) {
        let mut phrases = HashMap::new();
        let mut prefixes = HashSet::new();
        let mut insert = |phrase: &str, kind: Phrase| {
            let normal = name_keys::normalize(phrase);
            if !normal.contains(' ') && kind == Phrase::Name {
                return;
            }
            let mut end = 0;
            while let Some(pos) = normal[end..].find(' ') {
                end += pos;
                prefixes.insert(normal[..end].to_string());
                end += 1;
            }
            phrases.entry(normal).or_insert(kind);
        };
        for (spelling, kw) in Kw::ALL {
            insert(spelling, Phrase::Keyword(*kw));
        }
        let aliases = include_str!("data/constant_aliases.tsv")
            .lines()
            .filter_map(|line| line.split_once('\t').map(|(_, name)| name.trim()));
        for name in data::command_names()
            .chain(data::constant_names())
            .chain(aliases)
        {
            insert(name, Phrase::Name);
        }
        (phrases, prefixes)
    }

    #[test]
    fn builtin_table_is_the_reference_table() {
        let (phrases, prefixes) = reference();
        let table = PhraseTable::builtin_table();
        let keys: HashSet<&String> = phrases.keys().chain(&prefixes).collect();
        for key in &keys {
            assert_eq!(
                table.lookup(key),
                (phrases.get(*key).copied(), prefixes.contains(*key)),
                "{key}"
            );
        }
        assert_eq!(PHRASES.iter().count(), keys.len());
        assert!(phrases.len() > 3000 && prefixes.len() > 1000);
        assert_eq!(
            table.lookup("end for each"),
            (Some(Phrase::Keyword(Kw::EndForEach)), false)
        );
        assert_eq!(
            table.lookup("end for"),
            (Some(Phrase::Keyword(Kw::EndFor)), true)
        );
        assert_eq!(table.lookup("current date"), (Some(Phrase::Name), false));
        assert_eq!(table.lookup("into system"), (None, true));
        assert_eq!(table.lookup("is integer"), (Some(Phrase::Name), true));
        assert_eq!(
            table.lookup("système date court"),
            (Some(Phrase::Name), false)
        );
        assert_eq!(table.lookup("no such phrase"), (None, false));
        assert_eq!(table.lookup(""), (None, false));
        assert_eq!(
            table.lookup("Current date"),
            (None, false),
            "keys are lower case"
        );
    }

    #[test]
    fn project_names_over_the_builtin_table() {
        let names = [
            "Compute  Totals Now",
            "[Friends and Relatives]",
            "Current date",
            "End",
            "Is integer 64 bits extra",
        ]
        .map(String::from);
        let table = PhraseTable::with_project_names(&names);
        assert_eq!(
            table.lookup("compute totals now"),
            (Some(Phrase::Name), false)
        );
        assert_eq!(table.lookup("compute"), (None, true));
        assert_eq!(table.lookup("compute totals"), (None, true));
        assert_eq!(
            table.lookup("[friends and relatives]"),
            (Some(Phrase::Name), false)
        );
        // Built-in phrases keep their kind; prefixes add up.
        assert_eq!(table.lookup("current date"), (Some(Phrase::Name), false));
        assert_eq!(
            table.lookup("end if"),
            (Some(Phrase::Keyword(Kw::EndIf)), false)
        );
        assert_eq!(table.lookup("end"), (None, true));
        assert_eq!(
            table.lookup("is integer 64 bits"),
            (Some(Phrase::Name), true)
        );
        assert_eq!(
            table.lookup("is integer 64 bits extra"),
            (Some(Phrase::Name), false)
        );
        assert_eq!(table.lookup("compute totals later"), (None, false));
        // Many names: the project table grows and finds them all.
        let many: Vec<String> = (0..5000)
            .map(|i| format!("Method {i} of Project"))
            .collect();
        let table = PhraseTable::with_project_names(&many);
        for i in 0..5000 {
            assert_eq!(
                table.lookup(&format!("method {i} of project")),
                (Some(Phrase::Name), false)
            );
            assert_eq!(table.lookup(&format!("method {i} of")), (None, true));
        }
        assert_eq!(table.lookup("method 5000 of project"), (None, false));
        assert_eq!(table.lookup("method"), (None, true));
    }
}
