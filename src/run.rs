//! `fourd run`: loads a script or a project and runs it.

use std::path::Path;

/// Runs a `.4dm` file or a project folder; returns the process exit code
/// (0 success, 65 syntax errors, 70 uncaught runtime error).
pub fn run_cli(path: &Path, method: Option<&str>, args: &[String]) -> u8 {
    let _ = (path, method, args);
    eprintln!("fourd run: not implemented yet");
    70
}
