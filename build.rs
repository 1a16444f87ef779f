//! Lays out the built-in name tables at compile time (issue #8: start-up).
//!
//! Reads `src/syntax/data/*.tsv` and the keyword spellings of `Kw::ALL`
//! (`src/syntax/token.rs`) and writes, into `OUT_DIR`:
//! - `name_tables.rs` (included by `syntax::data`): the command and constant
//!   rows as static data, and hashed tables of them by name;
//! - `phrase_table.rs` (included by `syntax::names`): the names pass's table of
//!   multi-word phrases and their word-prefixes.
//!
//! The rules (which row wins a name, what a phrase key is) are those the
//! runtime used to apply when it built these tables at start-up; the unit tests
//! of `syntax::data` and `syntax::names` rebuild them the old way and compare.

#[allow(dead_code)]
#[path = "src/syntax/name_keys.rs"]
mod name_keys;

use name_keys::{layout, lower, normalize};
use std::collections::{HashMap, HashSet};
use std::fmt::Write as _;
use std::path::Path;

struct Command<'a> {
    number: u32,
    name: &'a str,
}

enum Value {
    Integer(i64),
    Real(f64),
    Text(String),
    Boolean(bool),
    Unknown,
}

struct Constant<'a> {
    name: &'a str,
    token: Option<(u32, u32)>,
    value: Value,
}

fn main() {
    for path in [
        "src/syntax/data/commands.tsv",
        "src/syntax/data/constants.tsv",
        "src/syntax/data/constant_aliases.tsv",
        "src/syntax/token.rs",
        "src/syntax/name_keys.rs",
    ] {
        println!("cargo:rerun-if-changed={path}");
    }
    let read = |p: &str| std::fs::read_to_string(p).unwrap_or_else(|e| panic!("{p}: {e}"));
    let commands_tsv = read("src/syntax/data/commands.tsv");
    let constants_tsv = read("src/syntax/data/constants.tsv");
    let aliases_tsv = read("src/syntax/data/constant_aliases.tsv");
    let token_rs = read("src/syntax/token.rs");

    let commands = parse_commands(&commands_tsv);
    let constants = parse_constants(&constants_tsv);
    let aliases: Vec<&str> = aliases_tsv
        .lines()
        .filter_map(|line| line.split_once('\t').map(|(_, name)| name.trim()))
        .collect();
    let keywords = keyword_spellings(&token_rs);

    let out = std::path::PathBuf::from(std::env::var("OUT_DIR").expect("OUT_DIR"));
    let data = name_tables(&out, &commands, &constants);
    std::fs::write(out.join("name_tables.rs"), data).expect("write name_tables.rs");
    let names = command_names(&commands)
        .chain(constants.iter().map(|c| c.name))
        .chain(aliases.iter().copied());
    let phrases = phrase_table(&out, &keywords, names);
    std::fs::write(out.join("phrase_table.rs"), phrases).expect("write phrase_table.rs");
}

fn command_names<'a>(commands: &'a [Command<'a>]) -> impl Iterator<Item = &'a str> + 'a {
    commands.iter().map(|c| c.name)
}

fn parse_commands(tsv: &str) -> Vec<Command<'_>> {
    let commands: Vec<Command> = tsv
        .lines()
        .filter_map(|line| {
            let (num, name) = line.split_once('\t')?;
            Some(Command {
                number: num.trim().parse().ok()?,
                name: name.trim(),
            })
        })
        .collect();
    assert!(
        commands.windows(2).all(|w| w[0].number <= w[1].number),
        "commands.tsv must be sorted by number"
    );
    commands
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

fn parse_constants(tsv: &str) -> Vec<Constant<'_>> {
    tsv.lines()
        .filter_map(|line| {
            let mut parts = line.splitn(4, '\t');
            let name = parts.next()?.trim();
            let token = parse_token(parts.next()?);
            let kind = parts.next()?.trim();
            let raw = parts.next().unwrap_or("");
            let value = match kind {
                "L" => Value::Integer(raw.trim().parse().ok()?),
                "R" => Value::Real(raw.trim().parse().ok()?),
                "B" => Value::Boolean(matches!(raw.trim(), "1" | "true" | "True")),
                "S" => Value::Text(unescape(raw)),
                _ => Value::Unknown,
            };
            Some(Constant { name, token, value })
        })
        .collect()
}

/// The spellings of `Kw::ALL`, in order: the first string of each line of the
/// `ALL` array.
fn keyword_spellings(token_rs: &str) -> Vec<String> {
    let start = token_rs.find("const ALL").expect("Kw::ALL in token.rs");
    let body = &token_rs[start..];
    let body = &body[..body.find("];").expect("end of Kw::ALL")];
    let spellings: Vec<String> = body
        .lines()
        .filter_map(|line| {
            let line = line.trim();
            let rest = line.strip_prefix("(\"")?;
            Some(rest[..rest.find('"')?].to_string())
        })
        .collect();
    assert!(!spellings.is_empty(), "no keywords found in Kw::ALL");
    spellings
}

/// Writes a [`name_keys::KeyTable`] named `name` of `(key, value)` entries (distinct
/// keys); its keys go to the file `name.keys` next to the generated code.
fn emit_table(out: &mut String, dir: &Path, name: &str, entries: &[(String, u16)]) {
    let mut keys = String::new();
    let mut rows = String::new();
    for (key, value) in entries {
        let len = u16::try_from(key.len()).expect("short keys");
        write!(rows, "({}, {len}, {value}),", keys.len()).unwrap();
        keys.push_str(key);
    }
    let file = format!("{name}.keys");
    std::fs::write(dir.join(&file), keys).expect("write keys");
    let names: Vec<&str> = entries.iter().map(|(k, _)| k.as_str()).collect();
    let slots: Vec<String> = layout(&names).iter().map(u16::to_string).collect();
    writeln!(
        out,
        "static {name}: KeyTable = KeyTable {{\n    keys: include_str!(concat!(env!(\"OUT_DIR\"), \"/{file}\")),\n    entries: &[{rows}],\n    slots: &[{}],\n}};",
        slots.join(",")
    )
    .unwrap();
}

/// `(key, index)` entries as table entries.
fn indexed(entries: Vec<(String, usize)>) -> Vec<(String, u16)> {
    entries
        .into_iter()
        .map(|(k, i)| (k, u16::try_from(i).expect("few rows")))
        .collect()
}

fn name_tables(dir: &Path, commands: &[Command], constants: &[Constant]) -> String {
    let mut out = String::from("// Generated by build.rs from src/syntax/data/*.tsv.\n\n");

    writeln!(
        out,
        "static COMMAND_ROWS: [CommandInfo; {}] = [",
        commands.len()
    )
    .unwrap();
    for c in commands {
        writeln!(
            out,
            "    CommandInfo {{ number: {}, name: {:?} }},",
            c.number, c.name
        )
        .unwrap();
    }
    out.push_str("];\n");

    // By name: current names (the first row of each number) win over older ones.
    let mut seen_numbers = HashSet::new();
    type Rows<'a> = Vec<(usize, &'a Command<'a>)>;
    let (current, old): (Rows, Rows) = commands
        .iter()
        .enumerate()
        .partition(|(_, c)| seen_numbers.insert(c.number));
    let mut by_name: Vec<(String, usize)> = Vec::new();
    let mut seen = HashSet::new();
    for (i, c) in current.into_iter().chain(old) {
        let key = lower(c.name);
        if seen.insert(key.clone()) {
            by_name.push((key, i));
        }
    }
    emit_table(&mut out, dir, "COMMAND_BY_NAME", &indexed(by_name));

    // Every spelling by its plain lower case: the last row wins.
    let mut last: HashMap<String, usize> = HashMap::new();
    let mut order = Vec::new();
    for (i, c) in commands.iter().enumerate() {
        let key = c.name.to_lowercase();
        if last.insert(key.clone(), i).is_none() {
            order.push(key);
        }
    }
    let spelled: Vec<(String, usize)> = order
        .into_iter()
        .map(|k| {
            let i = last[&k];
            (k, i)
        })
        .collect();
    emit_table(&mut out, dir, "COMMAND_SPELLING", &indexed(spelled));

    writeln!(
        out,
        "static CONSTANT_ROWS: [ConstantInfo; {}] = [",
        constants.len()
    )
    .unwrap();
    for c in constants {
        let token = match c.token {
            Some((g, i)) => format!("Some(({g}, {i}))"),
            None => "None".to_string(),
        };
        let value = match &c.value {
            Value::Integer(i) => format!("ConstantValue::Integer({i})"),
            Value::Real(r) => format!("ConstantValue::Real(f64::from_bits({:#x}))", r.to_bits()),
            Value::Text(t) => format!("ConstantValue::Text({t:?})"),
            Value::Boolean(b) => format!("ConstantValue::Boolean({b})"),
            Value::Unknown => "ConstantValue::Unknown".to_string(),
        };
        writeln!(
            out,
            "    ConstantInfo {{ name: {:?}, token: {token}, value: {value} }},",
            c.name
        )
        .unwrap();
    }
    out.push_str("];\n");

    let mut by_name: Vec<(String, usize)> = Vec::new();
    let mut seen = HashSet::new();
    for (i, c) in constants.iter().enumerate() {
        let key = lower(c.name);
        if seen.insert(key.clone()) {
            by_name.push((key, i));
        }
    }
    emit_table(&mut out, dir, "CONSTANT_BY_NAME", &indexed(by_name));

    // By token, sorted, the first row of each token.
    let mut by_token: Vec<((u32, u32), usize)> = Vec::new();
    let mut seen = HashSet::new();
    for (i, c) in constants.iter().enumerate() {
        if let Some(t) = c.token {
            if seen.insert(t) {
                by_token.push((t, i));
            }
        }
    }
    by_token.sort();
    writeln!(
        out,
        "static CONSTANT_BY_TOKEN: [((u32, u32), u16); {}] = [",
        by_token.len()
    )
    .unwrap();
    for ((g, i), index) in by_token {
        writeln!(out, "    (({g}, {i}), {index}),").unwrap();
    }
    out.push_str("];\n");
    out
}

/// Phrase codes: bit 0 set for a word-prefix of a phrase; the rest is 0 (not a
/// phrase), 1 (a name) or 2 + the index of a keyword in `Kw::ALL`.
fn phrase_table<'a>(
    dir: &Path,
    keywords: &[String],
    names: impl Iterator<Item = &'a str>,
) -> String {
    let mut codes: HashMap<String, u8> = HashMap::new();
    let mut order: Vec<String> = Vec::new();
    let mut insert = |phrase: &str, kind: u8| {
        let normal = normalize(phrase);
        if !normal.contains(' ') && kind == 1 {
            return; // single words need no table
        }
        let mut end = 0;
        while let Some(pos) = normal[end..].find(' ') {
            end += pos;
            let prefix = &normal[..end];
            match codes.get_mut(prefix) {
                Some(code) => *code |= 1,
                None => {
                    codes.insert(prefix.to_string(), 1);
                    order.push(prefix.to_string());
                }
            }
            end += 1;
        }
        match codes.get_mut(&normal) {
            Some(code) if *code >> 1 != 0 => {} // the first kind stays
            Some(code) => *code |= kind << 1,
            None => {
                codes.insert(normal.clone(), kind << 1);
                order.push(normal);
            }
        }
    };
    for (k, spelling) in keywords.iter().enumerate() {
        insert(spelling, 2 + u8::try_from(k).expect("few keywords"));
    }
    for name in names {
        insert(name, 1);
    }
    let mut out =
        String::from("// Generated by build.rs: keywords, command and constant names.\n\n");
    let entries: Vec<(String, u16)> = order
        .into_iter()
        .map(|key| {
            let code = codes[&key] as u16;
            (key, code)
        })
        .collect();
    emit_table(&mut out, dir, "PHRASES", &entries);
    out
}
