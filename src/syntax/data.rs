//! The built-in name tables: 4D commands (number and English name) and constants
//! (name, token identity, value), from the TSV files under `data/`, laid out as
//! static tables at compile time by `build.rs` (see `name_keys`).
//!
//! `commands.tsv`: `NUMBER<TAB>Name` (one number may have several names: renamed
//! commands). `constants.tsv`: `Name<TAB>GROUP:INDEX<TAB>TYPE<TAB>VALUE` with TYPE
//! `L` (integer), `R` (real), `S` (text, `\t \n \r \\` escapes) or `B` (boolean).
//! `constant_aliases.tsv`: `GROUP:INDEX<TAB>LocalizedName`.

use super::name_keys;

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

/// The index of the entry for `key` in a generated `(key, index)` table.
fn index_of(slots: &[u16], entries: &[(&str, u16)], key: &str) -> Option<usize> {
    name_keys::find(slots, entries, key, name_keys::hash(key), |e| e.0).map(|i| entries[i].1 as usize)
}

/// The command with this name (case-insensitive, blanks normalised). Current
/// names (the first row of each number) win over older names: `FORM Event`
/// (1606) over `Form event`, the old name of 388.
pub fn command_by_name(name: &str) -> Option<CommandInfo> {
    with_key(name, name_keys::lower_into, |key| {
        index_of(&COMMAND_BY_NAME_SLOTS, &COMMAND_BY_NAME_ENTRIES, key)
    })
    .map(|i| COMMAND_ROWS[i])
}

/// The spelling of the command name whose plain lower case
/// (`str::to_lowercase`, blanks kept) is `lower_name`; of several, the last row.
pub fn command_spelling(lower_name: &str) -> Option<&'static str> {
    index_of(&COMMAND_SPELLING_SLOTS, &COMMAND_SPELLING_ENTRIES, lower_name)
        .map(|i| COMMAND_ROWS[i].name)
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
        index_of(&CONSTANT_BY_NAME_SLOTS, &CONSTANT_BY_NAME_ENTRIES, key)
    })
    .map(|i| &CONSTANT_ROWS[i])
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
}
