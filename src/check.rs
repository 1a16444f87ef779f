//! `fourd check`: parse files, folders and projects and report syntax errors.

use std::path::PathBuf;

/// Checks every path; returns 0 with no error, 1 with errors, 2 on bad usage.
pub fn check_paths(paths: &[PathBuf], quiet: bool) -> u8 {
    let _ = (paths, quiet);
    2
}
