//! The layering rule of ARCHITECTURE.md: the runtime defines the interfaces
//! (command registry, member tables, host of outside events) and never imports
//! the layers above it. Every path a file under `src/runtime/` names through
//! `crate::` (in `use` lines or inline) must not be one of those layers; doc
//! comments may mention them.

use std::path::Path;

const ABOVE: &[&str] = &["commands", "web", "run", "check", "repl", "main"];

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

#[test]
fn runtime_imports_nothing_above_it() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/runtime");
    let mut files = Vec::new();
    rust_files(&root, &mut files);
    assert!(files.len() > 20, "the runtime's files were found");
    let mut bad = Vec::new();
    for f in files {
        let text = std::fs::read_to_string(&f).unwrap();
        for (n, line) in text.lines().enumerate() {
            // `super::super::...` could reach above too: the runtime is one level down
            let escapes = line.contains("super::super::super::");
            let above = imports_above(line);
            if !above.is_empty() || escapes {
                bad.push(format!("{}:{}: {}", f.display(), n + 1, line.trim()));
            }
        }
    }
    assert!(
        bad.is_empty(),
        "the runtime imports a layer above it:\n{}",
        bad.join("\n")
    );
}
