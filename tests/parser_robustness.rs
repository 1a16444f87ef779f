//! Bad input never panics: random bytes, random token soup, and every truncation
//! and byte mutation of our own `.4dm` files go through lexer, parser and
//! validation. Deterministic (a fixed-seed xorshift), so a failure reproduces.

use fourd::syntax::{parse, KnownNames};
use std::path::{Path, PathBuf};
mod rngutil;

use rngutil::Rng;

fn parse_bytes(bytes: &[u8]) {
    let text = String::from_utf8_lossy(bytes);
    let parsed = parse(&text, &KnownNames::default());
    for err in &parsed.errors {
        assert!(
            err.span.start <= text.len() && err.span.end <= text.len(),
            "span out of the text"
        );
    }
}

fn own_4dm_files() -> Vec<PathBuf> {
    fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
        for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
            let p = entry.path();
            if p.is_dir() {
                walk(&p, out);
            } else if p.extension().is_some_and(|e| e == "4dm") {
                out.push(p);
            }
        }
    }
    let mut out = Vec::new();
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    walk(&root.join("tests"), &mut out);
    walk(&root.join("scripts"), &mut out);
    out.sort();
    out
}

#[test]
fn random_bytes_never_panic() {
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    for _ in 0..3000 {
        let len = rng.below(200);
        let bytes: Vec<u8> = (0..len).map(|_| rng.next() as u8).collect();
        parse_bytes(&bytes);
    }
}

#[test]
fn random_token_soup_never_panics() {
    const PIECES: &[&str] = &[
        "If",
        "End if",
        "Else",
        "Case of",
        ": ",
        "End case",
        "For each",
        "End for each",
        "(",
        ")",
        "[",
        "]",
        "{",
        "}",
        "[[",
        "]]",
        ";",
        ":=",
        "+",
        "-",
        "*",
        "/",
        "->",
        ".",
        "$x",
        "$1",
        "${",
        "<>p",
        "\"t\"",
        "\"open",
        "!2024-01-01!",
        "?12:00:00?",
        "0xFF",
        "1.5e3",
        "Length:C16",
        ":K8:3",
        "[T:3]F:2",
        "\\\n",
        "\n",
        "// c\n",
        "/*",
        "*/",
        "#DECLARE",
        "Function",
        "Class constructor",
        "property",
        "var",
        "return",
        "Try",
        "Catch",
        "End try",
        "?",
        "??",
        "&&",
        "||",
        "Begin SQL\n",
        "End SQL",
        " ",
        "\t",
        "é",
        "ƒ",
        "\u{FEFF}",
        "\r",
        "@",
        "%",
        "^|",
        "<<",
        ">>",
        "#",
    ];
    let mut rng = Rng(42);
    for _ in 0..3000 {
        let n = rng.below(40);
        let text: String = (0..n).map(|_| PIECES[rng.below(PIECES.len())]).collect();
        parse_bytes(text.as_bytes());
    }
}

#[test]
fn truncated_and_mutated_files_never_panic() {
    let files = own_4dm_files();
    assert!(files.len() > 100, "expected our own .4dm files to fuzz");
    let mut rng = Rng(7);
    for file in files.iter().step_by(3) {
        let bytes = std::fs::read(file).expect("read");
        // Truncations.
        let step = (bytes.len() / 20).max(1);
        for cut in (0..bytes.len()).step_by(step) {
            parse_bytes(&bytes[..cut]);
        }
        // Mutations: flip, delete or duplicate a byte.
        for _ in 0..10 {
            let mut m = bytes.clone();
            if m.is_empty() {
                break;
            }
            let at = rng.below(m.len());
            match rng.below(3) {
                0 => m[at] = rng.next() as u8,
                1 => {
                    m.remove(at);
                }
                _ => m.insert(at, m[at]),
            }
            parse_bytes(&m);
        }
    }
}

#[test]
fn deep_nesting_is_an_error_not_a_crash() {
    let depth = 600;
    let mut text = String::new();
    for _ in 0..depth {
        text.push_str("If (True)\n");
    }
    for _ in 0..depth {
        text.push_str("End if\n");
    }
    let parsed = parse(&text, &KnownNames::default());
    assert!(parsed.errors.iter().any(|e| e.message.contains("nested")));
    // Deeply nested parentheses in one expression.
    let expr = format!("$x:={}1{}", "(".repeat(300), ")".repeat(300));
    let _ = parse(&expr, &KnownNames::default());
}
