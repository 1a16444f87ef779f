//! `fourd check`: parse files, folders and projects and report syntax errors.
//!
//! Each error prints as `path:line:col: message` (then an ariadne snippet when
//! stderr is a terminal and `--quiet` is not given), and a summary line
//! `N files, K with errors, M errors` ends the report.

use crate::project::{names_at, names_key};
use crate::syntax::{self, diagnostics};
use std::collections::HashMap;
use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};

/// Every `.4dm` file under `path` (or `path` itself), sorted.
pub fn collect_4dm(path: &Path, out: &mut Vec<PathBuf>) {
    if path.is_dir() {
        let Ok(entries) = std::fs::read_dir(path) else {
            return;
        };
        let mut entries: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
        entries.sort();
        for entry in entries {
            collect_4dm(&entry, out);
        }
    } else if path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("4dm"))
    {
        out.push(path.to_path_buf());
    }
}

/// The outcome of checking a set of files.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct Summary {
    pub files: usize,
    pub files_with_errors: usize,
    pub errors: usize,
    pub lines: usize,
}

/// Checks files and writes each error line to `out`; snippets too if `snippets`.
pub fn check_files(files: &[PathBuf], out: &mut dyn Write, snippets: bool) -> Summary {
    let mut summary = Summary::default();
    let mut tables: HashMap<PathBuf, syntax::names::PhraseTable> = HashMap::new();
    for file in files {
        summary.files += 1;
        let source = match std::fs::read(file) {
            Ok(bytes) => String::from_utf8_lossy(&bytes).into_owned(),
            Err(err) => {
                summary.files_with_errors += 1;
                summary.errors += 1;
                let _ = writeln!(out, "{}:1:1: cannot read the file: {err}", file.display());
                continue;
            }
        };
        summary.lines += source.lines().count();
        let key = names_key(file);
        let table = tables
            .entry(key)
            .or_insert_with_key(|key| names_at(key).phrase_table());
        let parsed = syntax::parse_with(&source, table);
        if !parsed.errors.is_empty() {
            summary.files_with_errors += 1;
            summary.errors += parsed.errors.len();
            let path = file.display().to_string();
            for err in &parsed.errors {
                let _ = writeln!(out, "{}", diagnostics::format_error(&path, &source, err));
                if snippets {
                    let _ = write!(
                        out,
                        "{}",
                        diagnostics::render_snippet(&path, &source, err, true)
                    );
                }
            }
        }
    }
    summary
}

/// Checks every path; returns 0 with no error, 1 with errors, 2 on bad usage.
pub fn check_paths(paths: &[PathBuf], quiet: bool) -> u8 {
    let mut files = Vec::new();
    for path in paths {
        if !path.exists() {
            eprintln!("fourd check: no such file or folder: {}", path.display());
            return 2;
        }
        collect_4dm(path, &mut files);
    }
    let snippets = !quiet && std::io::stdout().is_terminal();
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let summary = check_files(&files, &mut out, snippets);
    let _ = writeln!(
        out,
        "{} files, {} with errors, {} errors",
        summary.files, summary.files_with_errors, summary.errors
    );
    let _ = out.flush();
    if summary.errors == 0 {
        0
    } else {
        1
    }
}
