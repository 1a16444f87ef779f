//! The layering rule of ARCHITECTURE.md: the runtime defines the interfaces
//! (command registry, member tables, host of outside events) and never imports
//! the layers above it. Every path a file under `src/runtime/` names through
//! `crate::` (in `use` lines or inline) must not be one of those layers; doc
//! comments may mention them.

use std::path::Path;

/// The layers above the runtime and the resolver (`compile`, which the runtime
/// uses for code compiled while running: both read the command library only
/// through the runtime's registry).
const ABOVE: &[&str] = &[
    "commands", "web", "orda", "project", "run", "check", "repl", "testrun", "tool4d", "main",
];

fn rust_files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            rust_files(&p, out);
        } else if p.extension().is_some_and(|x| x == "rs") {
            out.push(p);
        }
    }
}

/// The layers above the runtime that `line` imports or names (`crate::X`).
fn imports_above(line: &str) -> Vec<String> {
    let code = line.trim_start();
    if code.starts_with("//") {
        return Vec::new();
    }
    let mut found = Vec::new();
    let mut rest = code;
    while let Some(i) = rest.find("crate::") {
        rest = &rest[i + "crate::".len()..];
        let name: String = rest
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
            .collect();
        if ABOVE.contains(&name.as_str()) {
            found.push(name);
        }
    }
    found
}

#[test]
fn the_checker_sees_imports() {
    assert_eq!(imports_above("use crate::commands::Args;"), ["commands"]);
    assert_eq!(
        imports_above("    let x = crate::web::host::get(it);"),
        ["web"]
    );
    assert_eq!(imports_above("    crate::run::render_error(p, e)"), ["run"]);
    assert!(imports_above("use crate::runtime::value::Value;").is_empty());
    assert!(imports_above("/// see crate::commands::Args").is_empty());
}

/// Every line of the files under `src/<layer>/` that names a layer above it.
fn lines_importing_above(layer: &str) -> Vec<String> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("src")
        .join(layer);
    let mut files = Vec::new();
    rust_files(&root, &mut files);
    assert!(files.len() >= 3, "the files of {layer} were found");
    let mut bad = Vec::new();
    for f in files {
        let text = std::fs::read_to_string(&f).unwrap();
        for (n, line) in text.lines().enumerate() {
            // `super::super::...` could reach above too: the layers are one level down
            let escapes = line.contains("super::super::super::");
            let above = imports_above(line);
            if !above.is_empty() || escapes {
                bad.push(format!("{}:{}: {}", f.display(), n + 1, line.trim()));
            }
        }
    }
    bad
}

/// Fails with every offending line when `layer` names a layer above it.
fn assert_imports_nothing_above(layer: &str) {
    let bad = lines_importing_above(layer);
    assert!(
        bad.is_empty(),
        "{layer} imports a layer above it:\n{}",
        bad.join("\n")
    );
}

#[test]
fn runtime_imports_nothing_above_it() {
    assert_imports_nothing_above("runtime");
}

#[test]
fn the_resolver_reads_commands_through_the_registry() {
    assert_imports_nothing_above("compile");
}

#[test]
fn the_datastore_imports_no_library() {
    assert_imports_nothing_above("datastore");
}
