//! The built-in command library: one registry mapping command names (case-
//! insensitive) and command numbers (`:Cnnn` tokens) to Rust functions, with the
//! commands themselves split by theme. The resolver binds each call to a
//! [`CommandDef`] once; nothing is looked up by name while running.

pub mod application;
pub mod array;
pub mod blob;
pub mod blobnum;
pub mod callbacks;
pub mod collection;
pub mod constants;
pub mod datetime;
pub mod db;
pub mod dbmore;
pub mod environment;
pub mod errors;
pub mod external;
pub mod files;
pub mod formats;
pub mod formula;
pub mod fsobjects;
pub mod headless;
pub mod json;
pub mod language;
pub mod math;
pub mod methods;
pub mod numbers;
pub mod object;
pub mod parseformula;
pub mod paths;
pub mod process;
pub mod query;
pub mod regex;
pub mod sysinfo;
pub mod system;
pub mod tags;
pub mod text;
pub mod web;
pub mod webserver;
pub mod xml_dom;

pub use crate::runtime::registry::{set_ok, Args, CmdFn, CommandDef};
use std::sync::OnceLock;

/// Registers the library's member functions into the runtime's tables (idempotent;
/// called by the compiler before any program exists).
pub fn register() {
    crate::runtime::registry::install_names(crate::runtime::registry::Names {
        by_name,
        by_number,
        constant: constants::lookup,
        constant_token: constants::lookup_token,
        pure_numeric: math::pure_numeric,
    });
    crate::runtime::members::register(crate::runtime::members::Library {
        is_fs_object: fsobjects::is_fs_object,
        fs_member: fsobjects::call_fs_member,
        collection_callback: |it, c, name, args| match callbacks::Cb::from_name(name) {
            Some(cb) => Ok(callbacks::call(it, c, cb, args)),
            None => Err((c, args)),
        },
        member: collection::call_member,
        rest: crate::orda::rest::handle,
    });
}

/// Replaces the elements of the array argument `i` points to with `vals`, each
/// converted to the array's element type (as assigning an element does).
pub fn fill_array(
    it: &mut crate::runtime::interp::Interp,
    a: &Args,
    i: usize,
    cmd: &str,
    vals: Vec<crate::runtime::value::Value>,
) -> crate::runtime::error::RtResult<()> {
    let ptr = a.ptr(i, cmd)?;
    let arr = crate::runtime::interp::as_array(&it.deref_raw(&ptr)?)?;
    let mut ar = arr.borrow_mut();
    let ty = ar.elem;
    ar.elems.truncate(1);
    for v in vals {
        let v = ty.coerce(v).unwrap_or_else(|v| v);
        ar.elems.push(v);
    }
    Ok(())
}

fn themes() -> [&'static [CommandDef]; 33] {
    [
        fsobjects::COMMANDS,
        crate::orda::COMMANDS,
        files::COMMANDS,
        system::COMMANDS,
        blob::COMMANDS,
        blobnum::COMMANDS,
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
        tags::COMMANDS,
        webserver::COMMANDS,
        db::COMMANDS,
        dbmore::COMMANDS,
        external::COMMANDS,
        errors::COMMANDS,
        formula::COMMANDS,
        process::COMMANDS,
        headless::COMMANDS,
        application::COMMANDS,
        sysinfo::COMMANDS,
        methods::COMMANDS,
        paths::COMMANDS,
        parseformula::COMMANDS,
        environment::COMMANDS,
        xml_dom::COMMANDS,
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
    // compiled to loops over the selection (compile/resolve/db.rs)
    "APPLY TO SELECTION",
    "QUERY BY FORMULA",
    "QUERY SELECTION BY FORMULA",
    "ORDER BY FORMULA",
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
        // internal helpers (`_fourd_member`) are not 4D commands
        if name.starts_with("_fourd") || !seen.insert(name.to_lowercase()) {
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
