//! The built-in name tables: 4D commands (number and English name) and constants
//! (name, token identity, value), read from the TSV files under `data/`.
//!
//! `commands.tsv`: `NUMBER<TAB>Name` (one number may have several names: renamed
//! commands). `constants.tsv`: `Name<TAB>GROUP:INDEX<TAB>TYPE<TAB>VALUE` with TYPE
//! `L` (integer), `R` (real), `S` (text, `\t \n \r \\` escapes) or `B` (boolean).
//! `constant_aliases.tsv`: `GROUP:INDEX<TAB>LocalizedName`.

use std::collections::HashMap;
use std::sync::OnceLock;

const COMMANDS: &str = include_str!("data/commands.tsv");
const CONSTANTS: &str = include_str!("data/constants.tsv");
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
    Text(String),
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

/// Every command, in file order (by number).
pub fn commands() -> &'static [CommandInfo] {
    static LIST: OnceLock<Vec<CommandInfo>> = OnceLock::new();
    LIST.get_or_init(|| {
        COMMANDS
            .lines()
            .filter_map(|line| {
                let (num, name) = line.split_once('\t')?;
                Some(CommandInfo {
                    number: num.trim().parse().ok()?,
                    name: name.trim(),
                })
            })
            .collect()
    })
}

pub fn command_names() -> impl Iterator<Item = &'static str> {
    commands().iter().map(|c| c.name)
}

fn lower(s: &str) -> String {
    s.split_whitespace()
        .map(|w| w.to_lowercase())
        .collect::<Vec<_>>()
        .join(" ")
}

/// The command with this name (case-insensitive, blanks normalised).
pub fn command_by_name(name: &str) -> Option<CommandInfo> {
    static MAP: OnceLock<HashMap<String, CommandInfo>> = OnceLock::new();
    let map = MAP.get_or_init(|| {
        // Current names (the first row of each number) win over older names:
        // `FORM Event` (1606) over `Form event`, the old name of 388.
        let mut seen = std::collections::HashSet::new();
        let (current, old): (Vec<&CommandInfo>, Vec<&CommandInfo>) =
            commands().iter().partition(|c| seen.insert(c.number));
        let mut map = HashMap::new();
        for c in current.into_iter().chain(old) {
            map.entry(lower(c.name)).or_insert(*c);
        }
        map
    });
    map.get(&lower(name)).copied()
}

/// The current English name of the command with this number (the first listed).
pub fn command_by_number(number: u32) -> Option<CommandInfo> {
    static MAP: OnceLock<HashMap<u32, CommandInfo>> = OnceLock::new();
    let map = MAP.get_or_init(|| {
        let mut map = HashMap::new();
        for c in commands() {
            map.entry(c.number).or_insert(*c);
        }
        map
    });
    map.get(&number).copied()
}

fn unescape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars();
    while let Some(c) = chars.next() {
        if c == '\\' {
            match chars.next() {
                Some('t') => out.push('\t'),
                Some('n') => out.push('\n'),
                Some('r') => out.push('\r'),
                Some(other) => out.push(other),
                None => out.push('\\'),
            }
        } else {
            out.push(c);
        }
    }
    out
}

fn parse_token(s: &str) -> Option<(u32, u32)> {
    let (a, b) = s.split_once(':')?;
    Some((a.trim().parse().ok()?, b.trim().parse().ok()?))
}

/// Every constant, in file order.
pub fn constants() -> &'static [ConstantInfo] {
    static LIST: OnceLock<Vec<ConstantInfo>> = OnceLock::new();
    LIST.get_or_init(|| {
        CONSTANTS
            .lines()
            .filter_map(|line| {
                let mut parts = line.splitn(4, '\t');
                let name = parts.next()?.trim();
                let token = parse_token(parts.next()?);
                let kind = parts.next()?.trim();
                let raw = parts.next().unwrap_or("");
                let value = match kind {
                    "L" => ConstantValue::Integer(raw.trim().parse().ok()?),
                    "R" => ConstantValue::Real(raw.trim().parse().ok()?),
                    "B" => ConstantValue::Boolean(matches!(raw.trim(), "1" | "true" | "True")),
                    "S" => ConstantValue::Text(unescape(raw)),
                    _ => ConstantValue::Unknown,
                };
                Some(ConstantInfo { name, token, value })
            })
            .collect()
    })
}

pub fn constant_names() -> impl Iterator<Item = &'static str> {
    constants().iter().map(|c| c.name)
}

/// The constant with this name (case-insensitive).
pub fn constant_by_name(name: &str) -> Option<&'static ConstantInfo> {
    static MAP: OnceLock<HashMap<String, usize>> = OnceLock::new();
    let map = MAP.get_or_init(|| {
        let mut map = HashMap::new();
        for (i, c) in constants().iter().enumerate() {
            map.entry(lower(c.name)).or_insert(i);
        }
        map
    });
    map.get(&lower(name)).map(|&i| &constants()[i])
}

/// The constant with this token identity (`:Kgroup:index`), whatever its spelling.
pub fn constant_by_token(group: u32, index: u32) -> Option<&'static ConstantInfo> {
    static MAP: OnceLock<HashMap<(u32, u32), usize>> = OnceLock::new();
    let map = MAP.get_or_init(|| {
        let mut map = HashMap::new();
        for (i, c) in constants().iter().enumerate() {
            if let Some(t) = c.token {
                map.entry(t).or_insert(i);
            }
        }
        map
    });
    map.get(&(group, index)).map(|&i| &constants()[i])
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
