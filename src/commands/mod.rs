//! The built-in command library: one registry mapping command names (case-
//! insensitive) and command numbers (`:Cnnn` tokens) to Rust functions, with the
//! commands themselves split by theme. The resolver binds each call to a
//! [`CommandDef`] once; nothing is looked up by name while running.

pub mod array;
pub mod blob;
pub mod callbacks;
pub mod collection;
pub mod constants;
pub mod datetime;
pub mod db;
pub mod errors;
pub mod files;
pub mod formats;
pub mod formula;
pub mod fsobjects;
pub mod headless;
pub mod json;
pub mod language;
pub mod math;
pub mod numbers;
pub mod object;
pub mod process;
pub mod query;
pub mod regex;
pub mod system;
pub mod text;
pub mod web;

use crate::runtime::error::{codes, err, RtResult};
use crate::runtime::interp::Interp;
use crate::runtime::value::{Ptr, Value};
use crate::syntax::ast::Marker;
use std::rc::Rc;
use std::sync::OnceLock;

/// A command implementation.
pub type CmdFn = fn(&mut Interp<'_>, &mut Args) -> RtResult<Value>;

/// A command: its name, its function, and which parameters are passed by reference
/// (bit `i` set: parameter `i` is received as a pointer to the variable written).
pub struct CommandDef {
    pub name: &'static str,
    pub func: CmdFn,
    pub refs: u32,
}

impl std::fmt::Debug for CommandDef {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "CommandDef({})", self.name)
    }
}

/// Declares a command in a theme table.
#[macro_export]
macro_rules! cmd {
    ($name:expr, $f:expr) => {
        $crate::commands::CommandDef {
            name: $name,
            func: $f,
            refs: 0,
        }
    };
    ($name:expr, $f:expr, refs = $r:expr) => {
        $crate::commands::CommandDef {
            name: $name,
            func: $f,
            refs: $r,
        }
    };
}

/// The evaluated arguments of a command call. Bare `*`, `>` and `<` markers are
/// removed from `vals` and recorded in `star` / `order`.
#[derive(Debug, Default)]
pub struct Args {
    pub vals: Vec<Value>,
    pub star: bool,
    pub order: Option<Marker>,
    /// Every bare `>`/`<` with the number of value arguments before it.
    pub markers: Vec<(u32, Marker)>,
    /// Returned by [`Args::get`] for missing arguments.
    pub undef: Value,
}

impl Args {
    pub fn len(&self) -> usize {
        self.vals.len()
    }
    pub fn is_empty(&self) -> bool {
        self.vals.is_empty()
    }
    pub fn get(&self, i: usize) -> &Value {
        self.vals.get(i).unwrap_or(&self.undef)
    }
    /// Takes argument `i` out (leaving undefined).
    pub fn take(&mut self, i: usize) -> Value {
        self.vals.get_mut(i).map(std::mem::take).unwrap_or_default()
    }
    pub fn require(&self, n: usize, cmd: &str) -> RtResult<()> {
        if self.vals.len() < n {
            return err(
                codes::BAD_ARG,
                format!("{}: missing parameter (expected at least {})", cmd, n),
            );
        }
        Ok(())
    }
    pub fn text(&self, i: usize, cmd: &str) -> RtResult<Rc<String>> {
        match self.get(i) {
            Value::Text(t) => Ok(t.clone()),
            Value::Undefined => Ok(crate::runtime::value::empty_text()),
            v => err(
                codes::TYPE_MISMATCH,
                format!(
                    "{}: parameter {} must be a text, got {}",
                    cmd,
                    i + 1,
                    v.type_name()
                ),
            ),
        }
    }
    pub fn num(&self, i: usize, cmd: &str) -> RtResult<f64> {
        match self.get(i) {
            Value::Int(n) => Ok(*n as f64),
            Value::Real(r) => Ok(*r),
            Value::Time(t) => Ok(*t as f64),
            Value::Undefined => Ok(0.0),
            v => err(
                codes::TYPE_MISMATCH,
                format!(
                    "{}: parameter {} must be a number, got {}",
                    cmd,
                    i + 1,
                    v.type_name()
                ),
            ),
        }
    }
    pub fn int(&self, i: usize, cmd: &str) -> RtResult<i64> {
        Ok(self.num(i, cmd)?.trunc() as i64)
    }
    pub fn opt_num(&self, i: usize, cmd: &str) -> RtResult<Option<f64>> {
        if i < self.vals.len() {
            Ok(Some(self.num(i, cmd)?))
        } else {
            Ok(None)
        }
    }
    pub fn ptr(&self, i: usize, cmd: &str) -> RtResult<Rc<Ptr>> {
        match self.get(i) {
            Value::Pointer(p) => Ok(p.clone()),
            v => err(
                codes::BAD_ARG,
                format!(
                    "{}: parameter {} must be a variable, got {}",
                    cmd,
                    i + 1,
                    v.type_name()
                ),
            ),
        }
    }
}

fn themes() -> [&'static [CommandDef]; 21] {
    [
        fsobjects::COMMANDS,
        crate::orda::COMMANDS,
        files::COMMANDS,
        system::COMMANDS,
        blob::COMMANDS,
        regex::COMMANDS,
        text::COMMANDS,
        math::COMMANDS,
        datetime::COMMANDS,
        object::COMMANDS,
        collection::COMMANDS,
        array::COMMANDS,
        language::COMMANDS,
        json::COMMANDS,
        constants::COMMANDS,
        web::COMMANDS,
        db::COMMANDS,
        errors::COMMANDS,
        formula::COMMANDS,
        process::COMMANDS,
        headless::COMMANDS,
    ]
}

/// Orders names as their lower case does (`str::to_lowercase`), without
/// allocating.
fn cmp_ignore_case(a: &str, b: &str) -> std::cmp::Ordering {
    if a.is_ascii() && b.is_ascii() {
        a.bytes()
            .map(|c| c.to_ascii_lowercase())
            .cmp(b.bytes().map(|c| c.to_ascii_lowercase()))
    } else {
        a.chars()
            .flat_map(char::to_lowercase)
            .cmp(b.chars().flat_map(char::to_lowercase))
    }
}

/// Every implemented command with its lower-case name, sorted by it (of equal
/// names, the one listed last in `themes()` comes last and wins).
fn sorted_by_name() -> &'static [(String, &'static CommandDef)] {
    static SORTED: OnceLock<Vec<(String, &'static CommandDef)>> = OnceLock::new();
    SORTED.get_or_init(|| {
        let mut defs: Vec<(String, usize, &'static CommandDef)> = themes()
            .into_iter()
            .flatten()
            .enumerate()
            .map(|(i, d)| (d.name.to_lowercase(), i, d))
            .collect();
        defs.sort_unstable_by(|a, b| (&a.0, a.1).cmp(&(&b.0, b.1)));
        defs.into_iter().map(|(key, _, d)| (key, d)).collect()
    })
}

/// The implemented command with this name (case-insensitive).
pub fn by_name(name: &str) -> Option<&'static CommandDef> {
    let defs = sorted_by_name();
    let end = defs.partition_point(|d| cmp_ignore_case(&d.0, name).is_le());
    let (key, def) = defs.get(end.checked_sub(1)?)?;
    cmp_ignore_case(key, name).is_eq().then_some(*def)
}

/// The implemented command with this number: of the names the number has, the
/// last listed that is implemented.
pub fn by_number(n: u32) -> Option<&'static CommandDef> {
    crate::syntax::data::command_rows(n)
        .iter()
        .rev()
        .find_map(|c| by_name(c.name))
}

/// The official spelling of a 4D command name if it is one (implemented or not).
pub fn known_command(name: &str) -> Option<&'static str> {
    crate::syntax::data::command_spelling(&name.to_lowercase())
}

/// The name of the command with this number, if the number table knows it.
pub fn name_of_number(n: u32) -> Option<&'static str> {
    numbers::name_of(n)
}

/// Commands handled by the compiler itself (declarations), implemented but not in
/// the registry tables.
const COMPILER_HANDLED: &[&str] = &[
    "C_TEXT",
    "C_STRING",
    "C_LONGINT",
    "C_INTEGER",
    "C_REAL",
    "C_BOOLEAN",
    "C_DATE",
    "C_TIME",
    "C_OBJECT",
    "C_COLLECTION",
    "C_POINTER",
    "C_PICTURE",
    "C_BLOB",
    "C_VARIANT",
    // resolved by the compiler (classes and formulas)
    "This",
    "cs",
    "4D",
    "Super",
    "Formula",
];

/// Every implemented command as `(number, official name)`, sorted by number
/// (`fourd commands`). Commands the number table does not know get number 0.
pub fn implemented() -> Vec<(u32, String)> {
    let mut out: Vec<(u32, String)> = Vec::new();
    let mut seen = std::collections::HashSet::new();
    let names = themes()
        .into_iter()
        .flat_map(|t| t.iter().map(|d| d.name))
        .chain(COMPILER_HANDLED.iter().copied());
    for name in names {
        if !seen.insert(name.to_lowercase()) {
            continue;
        }
        match crate::syntax::data::command_by_name(name) {
            Some(c) => out.push((c.number, c.name.to_string())),
            None => out.push((0, name.to_string())),
        }
    }
    out.sort();
    out
}

/// Sets the system variable `OK`.
pub fn set_ok(it: &mut Interp, ok: i32) {
    let id = crate::runtime::process::OK_VAR as usize;
    if let Some(slot) = it.process.vars.get_mut(id) {
        *slot = Value::Int(ok);
    }
}

#[cfg(test)]
mod lookup_tests {
    use super::*;
    use std::collections::HashMap;

    #[test]
    fn every_command_is_found_as_the_old_maps_found_it() {
        // The maps the registry used to build at start-up.
        let mut old_by_name: HashMap<String, &'static CommandDef> = HashMap::new();
        for def in themes().into_iter().flatten() {
            old_by_name.insert(def.name.to_lowercase(), def);
        }
        let mut old_by_number = HashMap::new();
        let mut old_known = HashMap::new();
        for (num, name) in numbers::numbered() {
            if let Some(def) = old_by_name.get(&name.to_lowercase()) {
                old_by_number.insert(num, *def);
            }
            old_known.insert(name.to_lowercase(), name);
        }
        assert!(old_by_name.len() > 250);
        for def in themes().into_iter().flatten() {
            let expected = old_by_name[&def.name.to_lowercase()];
            for spelling in [
                def.name.to_string(),
                def.name.to_uppercase(),
                def.name.to_lowercase(),
            ] {
                let found = by_name(&spelling).expect(def.name);
                // (`COMMANDS` are consts: a def's address is not its identity)
                assert_eq!((found.name, found.refs), (expected.name, expected.refs));
            }
        }
        for (num, name) in numbers::numbered() {
            let found = by_number(num).map(|d| (d.name, d.refs));
            let expected = old_by_number.get(&num).map(|d| (d.name, d.refs));
            assert_eq!(found, expected, "{num}");
            assert_eq!(known_command(name), Some(old_known[&name.to_lowercase()]));
            assert_eq!(
                known_command(&name.to_uppercase()),
                Some(old_known[&name.to_lowercase()])
            );
        }
        for name in ["", "Lengt", "Lengthx", "no such command", "zzz", "ALERT2"] {
            assert!(by_name(name).is_none(), "{name}");
            assert!(known_command(name).is_none(), "{name}");
        }
        assert!(by_number(0).is_none());
        assert_eq!(by_name("length").map(|d| d.name), Some("Length"));
        assert_eq!(by_number(16).map(|d| d.name), Some("Length"));
    }

    #[test]
    fn names_compare_as_their_lower_case() {
        use std::cmp::Ordering::*;
        assert_eq!(cmp_ignore_case("ALERT", "alert"), Equal);
        assert_eq!(cmp_ignore_case("Abs", "ALERT"), Less);
        assert_eq!(cmp_ignore_case("Zz", "a"), Greater);
        assert_eq!(cmp_ignore_case("ÉTÉ", "été"), Equal);
        assert_eq!(cmp_ignore_case("été", "ETE"), Greater);
    }
}
