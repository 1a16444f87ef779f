//! Parser golden tests: `tests/parser/ok/NAME.4dm` must parse without error to the
//! tree printed in `NAME.ast`; `tests/parser/errors/NAME.4dm` must give exactly
//! the `line:col: message` lines of `NAME.err`. `FOURD_BLESS=1` rewrites the
//! expected files from the actual output (review the diff before committing).

use fourd::syntax::{diagnostics, parse, printer, KnownNames};
use std::path::{Path, PathBuf};

fn cases(dir: &str) -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/parser")
        .join(dir);
    let mut files: Vec<PathBuf> = std::fs::read_dir(&root)
        .expect("case folder")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "4dm"))
        .collect();
    files.sort();
    assert!(!files.is_empty(), "no cases in {}", root.display());
    files
}

fn compare(case: &Path, expected_ext: &str, actual: &str, failures: &mut Vec<String>) {
    let expected_path = case.with_extension(expected_ext);
    if std::env::var_os("FOURD_BLESS").is_some() {
        std::fs::write(&expected_path, actual).expect("write expected file");
        return;
    }
    let expected = std::fs::read_to_string(&expected_path).unwrap_or_default();
    if expected != actual {
        failures.push(format!(
            "{}:\n--- expected\n{expected}--- actual\n{actual}",
            case.display()
        ));
    }
}

#[test]
fn valid_files_parse_to_the_expected_tree() {
    let mut failures = Vec::new();
    for case in cases("ok") {
        let source = std::fs::read_to_string(&case).expect("read case");
        let parsed = parse(&source, &KnownNames::default());
        let mut actual = String::new();
        for err in &parsed.errors {
            actual.push_str(&format!(
                "ERROR {}\n",
                diagnostics::format_error("", &source, err)
            ));
        }
        actual.push_str(&printer::print_file(&parsed.file));
        compare(&case, "ast", &actual, &mut failures);
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn malformed_files_report_the_expected_errors() {
    let mut failures = Vec::new();
    let cases = cases("errors");
    assert!(cases.len() >= 20, "at least 20 malformed inputs");
    for case in cases {
        let source = std::fs::read_to_string(&case).expect("read case");
        let parsed = parse(&source, &KnownNames::default());
        let mut actual = String::new();
        for err in &parsed.errors {
            let line = diagnostics::format_error("", &source, err);
            actual.push_str(line.trim_start_matches(':'));
            actual.push('\n');
        }
        if actual.is_empty() {
            failures.push(format!("{}: no error reported", case.display()));
            continue;
        }
        compare(&case, "err", &actual, &mut failures);
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
