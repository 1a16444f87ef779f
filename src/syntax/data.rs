//! The built-in name tables: 4D commands (number and English name) and constants
//! (name, token identity, value), from the TSV files under `data/`, laid out as
//! static tables at compile time by `build.rs` (see `name_keys`).
//!
//! `commands.tsv`: `NUMBER<TAB>Name` (one number may have several names: renamed
//! commands). `constants.tsv`: `Name<TAB>GROUP:INDEX<TAB>TYPE<TAB>VALUE` with TYPE
//! `L` (integer), `R` (real), `S` (text, `\t \n \r \\` escapes) or `B` (boolean).
//! `constant_aliases.tsv`: `GROUP:INDEX<TAB>LocalizedName`.

use super::name_keys::{self, KeyTable};

const CONSTANT_ALIASES: &str = include_str!("data/constant_aliases.tsv");

/// A built-in command: its number and English name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CommandInfo {
    pub number: u32,
    pub name: &'static str,
}

/// The value of a built-in constant.
#[derive(Debug, Clone, PartialEq)]
pub enum ConstantValue {
    Integer(i64),
    Real(f64),
    Text(&'static str),
    Boolean(bool),
    /// A constant whose name is known (so the lexer reads it whole) but whose
    /// value is not documented anywhere we could read (TYPE `?`).
    Unknown,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ConstantInfo {
    pub name: &'static str,
    /// The `:Kgroup:index` token identity, when known.
    pub token: Option<(u32, u32)>,
    pub value: ConstantValue,
}

// The tables below (`COMMAND_ROWS`, `CONSTANT_ROWS` and their indexes) are laid
// out at compile time by `build.rs` from the same TSV files: nothing is parsed
// or hashed at start-up.
include!(concat!(env!("OUT_DIR"), "/name_tables.rs"));

/// Every command, in file order (by number).
pub fn commands() -> &'static [CommandInfo] {
    &COMMAND_ROWS
}

pub fn command_names() -> impl Iterator<Item = &'static str> {
    commands().iter().map(|c| c.name)
}

/// `f(key)` with `key` the lower-case spelling `into` makes of `name`, built in
/// a buffer reused by the thread (a lookup allocates nothing).
fn with_key<R>(name: &str, into: fn(&str, &mut String), f: impl FnOnce(&str) -> R) -> R {
    thread_local! {
        static BUF: std::cell::RefCell<String> = const { std::cell::RefCell::new(String::new()) };
    }
    BUF.with(|buf| match buf.try_borrow_mut() {
        Ok(mut buf) => {
            into(name, &mut buf);
            f(&buf)
        }
        Err(_) => {
            let mut own = String::new();
            into(name, &mut own);
            f(&own)
        }
    })
}

/// The command with this name (case-insensitive, blanks normalised). Current
/// names (the first row of each number) win over older names: `FORM Event`
/// (1606) over `Form event`, the old name of 388.
pub fn command_by_name(name: &str) -> Option<CommandInfo> {
    with_key(name, name_keys::lower_into, |key| {
        COMMAND_BY_NAME.lookup(key)
    })
    .map(|i| COMMAND_ROWS[i as usize])
}

/// The spelling of the command name whose plain lower case
/// (`str::to_lowercase`, blanks kept) is `lower_name`; of several, the last row.
pub fn command_spelling(lower_name: &str) -> Option<&'static str> {
    COMMAND_SPELLING
        .lookup(lower_name)
        .map(|i| COMMAND_ROWS[i as usize].name)
}

/// The rows with this command number (current name first), in file order.
pub fn command_rows(number: u32) -> &'static [CommandInfo] {
    let start = COMMAND_ROWS.partition_point(|c| c.number < number);
    let end = COMMAND_ROWS.partition_point(|c| c.number <= number);
    &COMMAND_ROWS[start..end]
}

/// The current English name of the command with this number (the first listed).
pub fn command_by_number(number: u32) -> Option<CommandInfo> {
    command_rows(number).first().copied()
}

/// Every constant, in file order.
pub fn constants() -> &'static [ConstantInfo] {
    &CONSTANT_ROWS
}

pub fn constant_names() -> impl Iterator<Item = &'static str> {
    constants().iter().map(|c| c.name)
}

/// The constant with this name (case-insensitive).
pub fn constant_by_name(name: &str) -> Option<&'static ConstantInfo> {
    with_key(name, name_keys::lower_into, |key| {
        CONSTANT_BY_NAME.lookup(key)
    })
    .map(|i| &CONSTANT_ROWS[i as usize])
}

/// The constant with this token identity (`:Kgroup:index`), whatever its spelling.
pub fn constant_by_token(group: u32, index: u32) -> Option<&'static ConstantInfo> {
    CONSTANT_BY_TOKEN
        .binary_search_by_key(&(group, index), |e| e.0)
        .ok()
        .map(|i| &CONSTANT_ROWS[CONSTANT_BY_TOKEN[i].1 as usize])
}

/// Localized constant names (`GROUP:INDEX` → name), for the names pass.
pub fn constant_alias_names() -> impl Iterator<Item = &'static str> {
    CONSTANT_ALIASES
        .lines()
        .filter_map(|line| line.split_once('\t').map(|(_, name)| name.trim()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn commands_by_name_and_number() {
        assert_eq!(command_by_number(10).map(|c| c.name), Some("String"));
        assert_eq!(command_by_name("log  event").map(|c| c.number), Some(667));
        assert_eq!(command_by_name("no such command"), None);
        // A current name wins over another command's old name.
        assert_eq!(command_by_name("FORM Event").map(|c| c.number), Some(1606));
        assert_eq!(
            command_by_name("Form event code").map(|c| c.number),
            Some(388)
        );
    }

    #[test]
    fn constants_by_name_and_token() {
        let c = constant_by_name("into system standard outputs").expect("constant");
        assert_eq!(c.value, ConstantValue::Integer(6));
        assert_eq!(
            constant_by_token(38, 9).map(|c| c.name),
            Some("Into system standard outputs")
        );
    }

    /// The tables as they were built at start-up before `build.rs` laid them out.
    mod reference {
        use super::super::name_keys::lower;
        use std::collections::{HashMap, HashSet};

        pub fn commands() -> Vec<(u32, String)> {
            include_str!("data/commands.tsv")
                .lines()
                .filter_map(|line| {
                    let (num, name) = line.split_once('\t')?;
                    Some((num.trim().parse().ok()?, name.trim().to_string()))
                })
                .collect()
        }

        /// lower(name) -> (number, name): current names over older ones.
        pub fn commands_by_name() -> HashMap<String, (u32, String)> {
            let mut seen = HashSet::new();
            let (current, old): (Vec<_>, Vec<_>) =
                commands().into_iter().partition(|c| seen.insert(c.0));
            let mut map = HashMap::new();
            for c in current.into_iter().chain(old) {
                map.entry(lower(&c.1)).or_insert(c);
            }
            map
        }

        pub fn unescape(s: &str) -> String {
            let mut out = String::new();
            let mut chars = s.chars();
            while let Some(c) = chars.next() {
                match (c, c == '\\') {
                    (_, true) => match chars.next() {
                        Some('t') => out.push('\t'),
                        Some('n') => out.push('\n'),
                        Some('r') => out.push('\r'),
                        Some(other) => out.push(other),
                        None => out.push('\\'),
                    },
                    (c, false) => out.push(c),
                }
            }
            out
        }

        /// (name, token, type, raw value) of each row the old parser kept.
        pub type Row = (String, Option<(u32, u32)>, String, String);

        pub fn constants() -> Vec<Row> {
            include_str!("data/constants.tsv")
                .lines()
                .filter_map(|line| {
                    let mut parts = line.splitn(4, '\t');
                    let name = parts.next()?.trim().to_string();
                    let token = parts
                        .next()?
                        .split_once(':')
                        .and_then(|(a, b)| Some((a.trim().parse().ok()?, b.trim().parse().ok()?)));
                    let kind = parts.next()?.trim().to_string();
                    let raw = parts.next().unwrap_or("").to_string();
                    match kind.as_str() {
                        "L" => raw.trim().parse::<i64>().ok().map(|_| ()),
                        "R" => raw.trim().parse::<f64>().ok().map(|_| ()),
                        _ => Some(()),
                    }?;
                    Some((name, token, kind, raw))
                })
                .collect()
        }
    }

    #[test]
    fn every_command_is_found_by_name_and_number() {
        let rows = reference::commands();
        assert_eq!(commands().len(), rows.len());
        for (c, (number, name)) in commands().iter().zip(&rows) {
            assert_eq!((c.number, c.name), (*number, name.as_str()));
        }
        let by_name = reference::commands_by_name();
        for (number, name) in &rows {
            let expected = &by_name[&name.to_lowercase()];
            for spelling in [name.clone(), name.to_uppercase(), name.to_lowercase()] {
                let found = command_by_name(&spelling).expect(name);
                assert_eq!(
                    (found.number, found.name),
                    (expected.0, expected.1.as_str())
                );
            }
            let spaced = name.replace(' ', "  ");
            assert_eq!(command_by_name(&spaced).map(|c| c.number), Some(expected.0));
            let first = rows.iter().find(|r| r.0 == *number).unwrap();
            assert_eq!(
                command_by_number(*number).map(|c| c.name),
                Some(first.1.as_str())
            );
            // The spelling of the last row with this lower case.
            let last = rows
                .iter()
                .rev()
                .find(|r| r.1.to_lowercase() == name.to_lowercase());
            assert_eq!(
                command_spelling(&name.to_lowercase()),
                last.map(|r| r.1.as_str())
            );
        }
        assert_eq!(command_by_name("Current dat"), None);
        assert_eq!(command_by_name(""), None);
        assert_eq!(command_spelling("current  date"), None);
        assert_eq!(command_by_number(0), None);
        assert_eq!(command_by_number(u32::MAX), None);
        assert_eq!(command_rows(7).len(), 2);
    }

    #[test]
    fn every_constant_is_found_by_name_and_token() {
        let rows = reference::constants();
        assert_eq!(constants().len(), rows.len());
        let mut seen = std::collections::HashSet::new();
        for (c, (name, token, kind, raw)) in constants().iter().zip(&rows) {
            assert_eq!((c.name, c.token), (name.as_str(), *token));
            match (&c.value, kind.as_str()) {
                (ConstantValue::Integer(i), "L") => assert_eq!(Ok(*i), raw.trim().parse()),
                (ConstantValue::Real(r), "R") => assert_eq!(Ok(*r), raw.trim().parse()),
                (ConstantValue::Text(t), "S") => assert_eq!(*t, reference::unescape(raw)),
                (ConstantValue::Boolean(_), "B") | (ConstantValue::Unknown, _) => {}
                (v, k) => panic!("{name}: {v:?} for type {k}"),
            }
            // The first row of a name (any case) is the one found.
            let first = rows
                .iter()
                .position(|r| r.0.to_lowercase() == name.to_lowercase())
                .unwrap();
            for spelling in [name.clone(), name.to_uppercase(), name.to_lowercase()] {
                let found = constant_by_name(&spelling).expect(name);
                assert!(std::ptr::eq(found, &constants()[first]), "{name}");
            }
            if let Some((g, i)) = token {
                let first = rows.iter().position(|r| r.1 == Some((*g, *i))).unwrap();
                let found = constant_by_token(*g, *i).expect(name);
                assert!(std::ptr::eq(found, &constants()[first]), "{name}");
                seen.insert((*g, *i));
            }
        }
        assert_eq!(CONSTANT_BY_TOKEN.len(), seen.len());
        assert_eq!(constant_by_name("Into system standard output"), None);
        assert_eq!(constant_by_name("no such constant"), None);
        assert_eq!(constant_by_token(0, 0), None);
        assert_eq!(constant_by_token(u32::MAX, 1), None);
        assert_eq!(
            constant_by_name("Pi").map(|c| &c.value),
            Some(&ConstantValue::Real("3.14159265358979".parse().unwrap()))
        );
    }
}
