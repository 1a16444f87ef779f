//! `fourd check`: parse files, folders and projects and report syntax errors.
//!
//! Each error prints as `path:line:col: message` (then an ariadne snippet when
//! stderr is a terminal and `--quiet` is not given), and a summary line
//! `N files, K with errors, M errors` ends the report.

use crate::project::{names_at, names_key};
use crate::syntax::names::PhraseTable;
use crate::syntax::{self, diagnostics};
use std::collections::HashMap;
use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};

/// Every `.4dm` file under `path` (or `path` itself), sorted. Symbolic links are
/// followed, but each real folder and file is visited once (by its canonical path),
/// so a link to `..` or to itself neither repeats files nor loops.
pub fn collect_4dm(path: &Path, out: &mut Vec<PathBuf>) {
    collect_4dm_once(path, out, &mut std::collections::HashSet::new());
}

fn collect_4dm_once(
    path: &Path,
    out: &mut Vec<PathBuf>,
    seen: &mut std::collections::HashSet<PathBuf>,
) {
    let is_dir = path.is_dir();
    let is_4dm = !is_dir
        && path
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("4dm"));
    if !is_dir && !is_4dm {
        return;
    }
    let real = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
    if !seen.insert(real) {
        return;
    }
    if is_dir {
        let Ok(entries) = std::fs::read_dir(path) else {
            return;
        };
        let mut entries: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
        entries.sort();
        for entry in entries {
            collect_4dm_once(&entry, out, seen);
        }
    } else {
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

/// What checking one file produced: its report lines and counts.
struct FileReport {
    text: String,
    errors: usize,
    lines: usize,
}

fn check_one(
    file: &Path,
    tables: &mut HashMap<PathBuf, PhraseTable>,
    snippets: bool,
) -> FileReport {
    let source = match std::fs::read(file) {
        Ok(bytes) => String::from_utf8_lossy(&bytes).into_owned(),
        Err(err) => {
            return FileReport {
                text: format!("{}:1:1: cannot read the file: {err}\n", file.display()),
                errors: 1,
                lines: 0,
            }
        }
    };
    let key = names_key(file);
    let table = tables
        .entry(key)
        .or_insert_with_key(|key| names_at(key).phrase_table().clone());
    let parsed = syntax::parse_with(&source, table);
    let mut text = String::new();
    let path = file.display().to_string();
    let lines = diagnostics::format_errors(&path, &source, &parsed.errors);
    for (err, line) in parsed.errors.iter().zip(lines) {
        text.push_str(&line);
        text.push('\n');
        if snippets {
            text.push_str(&diagnostics::render_snippet(&path, &source, err, true));
        }
    }
    FileReport {
        text,
        errors: parsed.errors.len(),
        lines: source.lines().count(),
    }
}

/// Stack size of a checking thread: the passes over the syntax tree recurse
/// once per level (blocks up to `block::MAX_NESTING`, expressions up to
/// `syntax::MAX_OPERATORS`); reserved, not used, unless a file is that deep.
const CHECK_STACK: usize = 256 << 20;

/// Checks files (on every core, each worker taking every n-th file) and writes
/// each error line to `out` in file order; snippets too if `snippets`.
pub fn check_files(files: &[PathBuf], out: &mut dyn Write, snippets: bool) -> Summary {
    let workers = std::thread::available_parallelism()
        .map(|n| n.get())
        .unwrap_or(1)
        .clamp(1, 8)
        .min(files.len().max(1));
    let mut reports: Vec<Option<FileReport>> = Vec::new();
    reports.resize_with(files.len(), || None);
    std::thread::scope(|scope| {
        let handles: Vec<_> = (0..workers)
            .map(|w| {
                let worker = std::thread::Builder::new().stack_size(CHECK_STACK);
                worker.spawn_scoped(scope, move || {
                    let mut tables = HashMap::new();
                    (w..files.len())
                        .step_by(workers)
                        .map(|i| (i, check_one(&files[i], &mut tables, snippets)))
                        .collect::<Vec<_>>()
                })
            })
            .filter_map(Result::ok)
            .collect();
        for handle in handles {
            for (i, report) in handle.join().unwrap_or_default() {
                reports[i] = Some(report);
            }
        }
    });
    let mut summary = Summary::default();
    for report in reports.into_iter().flatten() {
        summary.files += 1;
        summary.lines += report.lines;
        if report.errors > 0 {
            summary.files_with_errors += 1;
            summary.errors += report.errors;
            let _ = out.write_all(report.text.as_bytes());
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
